import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { GiftPack } from '../catalog/gift-pack.entity';
import { AddressesService } from '../customers/addresses.service';
import { OrderHookRegistry } from '../orders/order-hooks';
import { PACK_RELATIONS } from './gift-claims.service';
import { GiftOrders } from './gift-orders';
import { termBoughtByOrFail } from '../membership/bought-term';
import { TERM_FROM_PAYMENT_HOOK } from '../membership/term-hook-names';

/** A membership order that chose its welcome pack at checkout gets the gift order when it is paid. */
@Injectable()
export class WelcomeGiftHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly giftOrders: GiftOrders,
    private readonly addresses: AddressesService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'milestones: welcome gift chosen at checkout',
      runsAfter: [TERM_FROM_PAYMENT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      after: async ({ manager, order, now }) => {
        if (!order.giftPackId) return;
        const term = await termBoughtByOrFail(manager, order.id);
        const pack = await manager.findOneOrFail(GiftPack, {
          where: { id: order.giftPackId },
          relations: PACK_RELATIONS,
        });
        const address = order.address ?? (await this.addresses.defaultSnapshot(manager, order.customerId));
        await this.giftOrders.create(manager, {
          customerId: order.customerId,
          termId: term.id,
          source: 'WELCOME',
          parentOrderId: order.id,
          pack,
          address,
          now,
        });
      },
    });
  }
}
