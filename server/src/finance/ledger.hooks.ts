import { Injectable, OnModuleInit } from '@nestjs/common';
import { Not } from 'typeorm';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { TermEvents } from '../membership/term-events';
import { HOOK_ORDER, OrderHookRegistry } from '../orders/order-hooks';
import { LedgerService } from './ledger.service';

/**
 * Membership fees reach the revenue ledger from the order's own transitions: paid (+) and refunded (−); terms
 * granted without an order (staff) as 0 entries.
 */
@Injectable()
export class LedgerHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly ledger: LedgerService,
    private readonly termEvents: TermEvents,
  ) {}

  onModuleInit(): void {
    this.termEvents.onGranted((manager, term, customerId, at) => this.ledger.recordGrant(manager, term, customerId, at));
    this.hooks.register({
      name: 'finance: ledger entry for a paid membership fee',
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      order: HOOK_ORDER.ledger,
      after: async ({ manager, order, now, facts }) => {
        if (!facts.payment) return;
        // The term as the payment created it (the terms hook ran first), before any later cut.
        const term = await manager.findOneOrFail(MembershipTerm, { where: { orderId: order.id, source: Not('CARRY_OVER') } });
        await this.ledger.recordPayment(manager, { order, paymentId: facts.payment.id, transactionId: facts.payment.transactionId, amountFen: facts.payment.amountFen, term, at: now });
      },
    });
    this.hooks.register({
      name: 'finance: ledger entry for a refunded membership fee',
      on: { kind: OrderKind.MEMBERSHIP, from: OrderStatus.REFUNDING },
      order: HOOK_ORDER.ledger,
      after: async ({ manager, order, now, facts }) => {
        if (!facts.refund?.succeeded) return;
        const term = await manager.findOne(MembershipTerm, { where: { orderId: order.id, source: Not('CARRY_OVER') } });
        await this.ledger.recordRefund(manager, {
          order,
          refundId: facts.refund.id,
          wechatRefundId: facts.refund.refundId,
          amountFen: facts.refund.amountFen,
          termId: term?.id ?? null,
          at: facts.refund.succeededAt ?? now,
        });
      },
    });
  }
}
