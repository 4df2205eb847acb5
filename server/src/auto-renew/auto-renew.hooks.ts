import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { OrderHookRegistry } from '../orders/order-hooks';
import { TERM_FROM_PAYMENT_HOOK } from '../membership/term-hook-names';

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
      runsBefore: [TERM_FROM_PAYMENT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, from: [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED], to: OrderStatus.PAID },
      after: ({ manager, order, now }) => this.terms.endGrace(manager, order.customerId, now),
    });
  }
}
