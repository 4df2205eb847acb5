import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { OrderHookRegistry } from '../orders/order-hooks';
import { RenewalRemindersService } from './renewal-reminders.service';
import { TERM_FROM_PAYMENT_HOOK } from '../membership/term-hook-names';

/** A paid membership order moves the membership's end: the old end's pending reminders are cancelled, in the same transaction. */
@Injectable()
export class RenewalHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly reminders: RenewalRemindersService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: "reminders: a renewal cancels the old end's pending reminders",
      runsAfter: [TERM_FROM_PAYMENT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      after: ({ manager, order, now }) => this.reminders.onRenewed(manager, order.customerId, now),
    });
  }
}
