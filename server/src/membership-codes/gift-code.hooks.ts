import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays, MembershipCodeStatus, OrderKind, OrderStatus } from '@member-commerce/shared';
import { LedgerService } from '../finance/ledger.service';
import { OrderHookRegistry } from '../orders/order-hooks';
import { TERM_REMOVAL_HOOK } from '../membership/term-hook-names';
import { Order } from '../orders/order.entity';
import { newMembershipCode } from './code-generator';
import { MembershipCode } from './membership-code.entity';

/** How long a friend has to redeem a gift; after that it is breakage (shown, never recognised silently). */
const GIFT_CODE_VALID_DAYS = 365;
/** voidReason of a gift code held while its order's refund runs (restored if the refund fails or is partial). */
const REFUND_HOLD = 'REFUNDING';

/**
 * A membership bought as a gift follows its order: paid → one code (and the fee into the ledger, deferred until
 * the code is redeemed: recognition follows the redeemed term through its orderId); a refund that starts while
 * the code is unredeemed holds the code (void), which stays void when the money went back and is usable again
 * otherwise. A redeemed gift's refund follows the term rules (membership-order.hooks.ts).
 */
const GIFT_CODE_MINT_HOOK = 'membership codes: a paid gift yields its code';
const GIFT_REFUND_END_HOOK = 'membership codes: the refund of a gift ends';

@Injectable()
export class GiftCodeHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: GIFT_CODE_MINT_HOOK,
      on: {
        kind: OrderKind.MEMBERSHIP_GIFT,
        from: [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED],
        to: OrderStatus.PAID,
      },
      after: async ({ manager, order, now }) => {
        await manager.insert(MembershipCode, {
          code: newMembershipCode(),
          batchId: null,
          tierId: order.tierId!,
          validUntil: addDays(now, GIFT_CODE_VALID_DAYS),
          status: MembershipCodeStatus.ACTIVE,
          giftOrderId: order.id,
        });
      },
    });
    this.hooks.register({
      name: 'membership codes: ledger entry for a paid gift (deferred until redeemed)',
      runsAfter: [GIFT_CODE_MINT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP_GIFT, to: OrderStatus.PAID },
      after: async ({ manager, order, now, facts }) => {
        if (!facts.payment) return;
        await this.ledger.record(manager, {
          sourceKey: `payment:${facts.payment.id}`,
          kind: 'PAYMENT',
          occurredAt: now,
          orderId: order.id,
          outTradeNo: order.outTradeNo,
          customerId: order.customerId,
          tierId: order.tierId,
          termId: null,
          amountFen: facts.payment.amountFen,
          serviceDays: null,
          channelTransactionId: facts.payment.transactionId,
        });
      },
    });
    this.hooks.register({
      name: 'membership codes: a refund holds an unredeemed gift code',
      on: { kind: OrderKind.MEMBERSHIP_GIFT, to: OrderStatus.REFUNDING },
      after: async ({ manager, order, now }) => {
        await manager.update(
          MembershipCode,
          { giftOrderId: order.id, status: MembershipCodeStatus.ACTIVE },
          { status: MembershipCodeStatus.VOID, voidedAt: now, voidReason: REFUND_HOLD },
        );
      },
    });
    this.hooks.register({
      name: GIFT_REFUND_END_HOOK,
      on: { kind: OrderKind.MEMBERSHIP_GIFT, from: OrderStatus.REFUNDING },
      after: async ({ manager, order, now, facts }) => {
        const refunded = facts.refund?.succeeded && (facts.refund.endsTerm || order.status === OrderStatus.REFUNDED);
        await this.releaseHold(manager, order, refunded ? { voidReason: '已退款', voidedAt: now } : null);
      },
    });
    this.hooks.register({
      name: 'membership codes: ledger entry for a refunded gift',
      runsAfter: [GIFT_REFUND_END_HOOK, TERM_REMOVAL_HOOK],
      on: { kind: OrderKind.MEMBERSHIP_GIFT, from: OrderStatus.REFUNDING },
      after: async ({ manager, order, now, facts }) => {
        if (!facts.refund?.succeeded) return;
        const code = await manager.findOneBy(MembershipCode, { giftOrderId: order.id });
        await this.ledger.recordRefund(manager, {
          order,
          refundId: facts.refund.id,
          wechatRefundId: facts.refund.refundId,
          amountFen: facts.refund.amountFen,
          termId: code?.termId ?? null,
          at: facts.refund.succeededAt ?? now,
        });
      },
    });
  }

  /** The held code stays void (the money went back) or becomes usable again. */
  private async releaseHold(
    manager: EntityManager,
    order: Order,
    keepVoid: { voidReason: string; voidedAt: Date } | null,
  ): Promise<void> {
    const where = { giftOrderId: order.id, status: MembershipCodeStatus.VOID, voidReason: REFUND_HOLD };
    if (keepVoid) await manager.update(MembershipCode, where, keepVoid);
    else
      await manager.update(MembershipCode, where, {
        status: MembershipCodeStatus.ACTIVE,
        voidedAt: null,
        voidReason: null,
      });
  }
}
