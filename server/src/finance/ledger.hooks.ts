import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { TermEvents } from '../membership/term-events';
import { OrderHookRegistry } from '../orders/order-hooks';
import { LedgerService } from './ledger.service';
import { markRevenueDirty } from './report/revenue-dirty';
import { termBoughtBy, termBoughtByOrFail } from '../membership/bought-term';
import { TERM_FROM_PAYMENT_HOOK, TERM_REMOVAL_HOOK } from '../membership/term-hook-names';

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
    this.termEvents.onGranted((manager, term, customerId, at) =>
      this.ledger.recordGrant(manager, term, customerId, at),
    );
    // Terms cut short (staff revoke, full refund) change what their orders recognise, with or without a ledger entry.
    this.termEvents.onEnded((manager, _termIds, customerId) => markRevenueDirty(manager, customerId));
    this.hooks.register({
      name: 'finance: ledger entry for a paid membership fee',
      runsAfter: [TERM_FROM_PAYMENT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      after: async ({ manager, order, now, facts }) => {
        // The new term may have cut another order's term (a change of tier): that order's recognition changed.
        if (!facts.payment) return markRevenueDirty(manager, order.customerId);
        // The term as the payment created it (the terms hook ran first), before any later cut.
        const term = await termBoughtByOrFail(manager, order.id);
        const goodsFen = await this.ledger.allocationOf(manager, {
          feeFen: facts.payment.amountFen,
          tierId: order.tierId ?? term.tierId,
          giftPackId: order.giftPackId,
        });
        await this.ledger.recordPayment(manager, {
          order,
          paymentId: facts.payment.id,
          transactionId: facts.payment.transactionId,
          amountFen: facts.payment.amountFen,
          term,
          at: now,
          goodsFen,
        });
      },
    });
    this.hooks.register({
      name: 'finance: a welcome gift pack shipped recognises its share of the membership fee',
      on: { kind: OrderKind.GIFT, to: OrderStatus.SHIPPED },
      after: async ({ manager, order, now }) => {
        if (order.milestoneId || !order.termId) return; // milestone rewards were not bought with a fee
        const term = await manager.findOne(MembershipTerm, { where: { id: order.termId } });
        if (!term?.orderId) return; // a staff-granted term: no fee to allocate
        await this.ledger.recordDelivery(manager, {
          membershipOrderId: term.orderId,
          giftOrderId: order.id,
          customerId: order.customerId,
          tierId: term.tierId,
          termId: term.id,
          at: now,
        });
      },
    });
    this.hooks.register({
      name: 'finance: ledger entry for a refunded membership fee',
      runsAfter: [TERM_REMOVAL_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, from: OrderStatus.REFUNDING },
      after: async ({ manager, order, now, facts }) => {
        if (!facts.refund?.succeeded) return;
        const term = await termBoughtBy(manager, order.id);
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
