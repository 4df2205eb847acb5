import { Injectable, OnModuleInit } from '@nestjs/common';
import { Not } from 'typeorm';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { HOOK_ORDER, OrderHookRegistry } from '../orders/order-hooks';
import { LedgerService } from './ledger.service';

/** Membership fees reach the revenue ledger from the order's own transitions: paid (+) and refunded (−). */
@Injectable()
export class LedgerHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'finance: ledger entry for a paid membership fee',
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      order: HOOK_ORDER.ledger,
      after: async ({ manager, order, now, facts }) => {
        if (!facts.payment) return;
        const term = await manager.findOne(MembershipTerm, { where: { orderId: order.id, source: Not('CARRY_OVER') } });
        await this.ledger.record(manager, {
          sourceKey: `payment:${facts.payment.id}`,
          kind: 'PAYMENT',
          occurredAt: now,
          orderId: order.id,
          customerId: order.customerId,
          tierId: order.tierId,
          termId: term?.id ?? null,
          amountFen: facts.payment.amountFen,
          channelTransactionId: facts.payment.transactionId,
        });
      },
    });
    this.hooks.register({
      name: 'finance: ledger entry for a refunded membership fee',
      on: { kind: OrderKind.MEMBERSHIP, from: OrderStatus.REFUNDING },
      order: HOOK_ORDER.ledger,
      after: async ({ manager, order, now, facts }) => {
        if (!facts.refund?.succeeded) return;
        const term = await manager.findOne(MembershipTerm, { where: { orderId: order.id, source: Not('CARRY_OVER') } });
        await this.ledger.record(manager, {
          sourceKey: `refund:${facts.refund.id}`,
          kind: 'REFUND',
          occurredAt: facts.refund.succeededAt ?? now,
          orderId: order.id,
          customerId: order.customerId,
          tierId: order.tierId,
          termId: term?.id ?? null,
          amountFen: -facts.refund.amountFen,
          channelTransactionId: facts.refund.refundId,
        });
      },
    });
  }
}
