import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus } from '@member-commerce/shared';
import { LatePaymentRefused, OrderHookRegistry, OrderTransition } from './order-hooks';
import { OrderLine } from './order-line.entity';
import { releaseGiftPack, releaseSku, reserveGiftPack, reserveSku } from './stock';

/** Raised when money arrives for a closed order whose stock is gone: the payment is flagged instead. */
class LateStockError extends LatePaymentRefused {
  constructor() {
    super(ErrorCode.OUT_OF_STOCK, 'paid after the order closed and the stock is gone');
  }
}

/**
 * Stock follows the order: an unpaid order that closes gives its units (and a reserved welcome pack) back; a
 * late payment on a closed order takes them again or is refused; a full refund before shipping restocks.
 */
/** The late payment's stock check: other checks of a late payment run after it. */
export const LATE_PAYMENT_STOCK_HOOK = 'stock: retake for a late payment';

@Injectable()
export class OrderStockHooks implements OnModuleInit {
  constructor(private readonly hooks: OrderHookRegistry) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'stock: release on close',
      on: { from: OrderStatus.PENDING_PAYMENT, to: OrderStatus.CLOSED },
      after: (transition) => this.move(transition, 'release'),
    });
    this.hooks.register({
      name: LATE_PAYMENT_STOCK_HOOK,
      on: { from: OrderStatus.CLOSED, to: OrderStatus.PAID },
      before: async (transition) => {
        try {
          await this.move(transition, 'reserve');
        } catch {
          throw new LateStockError();
        }
      },
    });
    this.hooks.register({
      name: 'stock: restock a product order refunded before shipping',
      on: { kind: OrderKind.PRODUCT, from: OrderStatus.REFUNDING, to: OrderStatus.REFUNDED },
      after: async (transition) => {
        if (transition.facts.refund?.restock) await this.move(transition, 'release');
      },
    });
  }

  private async move({ manager, order }: OrderTransition, direction: 'reserve' | 'release'): Promise<void> {
    for (const line of await lines(manager, order.id)) {
      if (!line.skuId) continue;
      if (direction === 'reserve') await reserveSku(manager, line.skuId, line.quantity, line.name);
      else await releaseSku(manager, line.skuId, line.quantity);
    }
    if (order.kind === OrderKind.MEMBERSHIP && order.giftPackId) {
      if (direction === 'reserve') await reserveGiftPack(manager, order.giftPackId);
      else await releaseGiftPack(manager, order.giftPackId);
    }
  }
}

const lines = (manager: EntityManager, orderId: number) => manager.findBy(OrderLine, { orderId });
