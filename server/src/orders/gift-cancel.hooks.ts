import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErrorCode, OrderKind, OrderStatus } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { OrderHookRegistry } from './order-hooks';
import { OrderLine } from './order-line.entity';
import { releaseGiftPack } from './stock';

/**
 * PAID → CLOSED is only for an unshipped GIFT order that staff cancel: money-bearing orders leave PAID through
 * refunds. The cancelled pack and the SKU units inside it go back to stock.
 */
@Injectable()
export class GiftCancelHooks implements OnModuleInit {
  constructor(private readonly hooks: OrderHookRegistry) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'orders: only gift orders close once paid',
      on: { from: OrderStatus.PAID, to: OrderStatus.CLOSED },
      before: ({ order }) => {
        if (order.kind !== OrderKind.GIFT)
          throw conflict(
            ErrorCode.GIFT_ORDER_NOT_CANCELLABLE,
            'Only an unshipped gift order can be cancelled; paid orders are refunded',
          );
      },
      after: async ({ manager, order }) => {
        // What the gift order took: the pack and its lines' units, whatever the pack holds today.
        const lines = await manager.findBy(OrderLine, { orderId: order.id });
        const units = lines.flatMap((line) => (line.skuId ? [{ skuId: line.skuId, quantity: line.quantity }] : []));
        if (order.giftPackId) await releaseGiftPack(manager, order.giftPackId, units);
      },
    });
  }
}
