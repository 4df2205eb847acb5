import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { HOOK_ORDER, OrderHookRegistry } from '../orders/order-hooks';

/** A paid renewal ends a grace period first, so the new term starts now rather than after days given for free. */
@Injectable()
export class AutoRenewHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly terms: MembershipTermsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'auto-renew: a paid renewal ends the grace period',
      on: { kind: OrderKind.MEMBERSHIP, from: [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED], to: OrderStatus.PAID },
      order: HOOK_ORDER.terms - 1,
      after: ({ manager, order, now }) => this.terms.endGrace(manager, order.customerId, now),
    });
  }
}
