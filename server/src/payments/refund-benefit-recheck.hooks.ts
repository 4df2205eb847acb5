import { Injectable, OnModuleInit } from '@nestjs/common';
import { formatFen, OrderKind, OrderStatus } from '@member-commerce/shared';
import { StaffAlert } from '../milestones/staff-alert.entity';
import { OrderHookRegistry } from '../orders/order-hooks';
import { RefundsService } from './refunds.service';
import { TERM_REMOVAL_HOOK } from '../membership/term-hook-names';

/**
 * A term-ending refund was sized by the quote at its start; its term's benefits were suspended from then on. When
 * it completes, the use is counted again: anything that still slipped through (a race with the start) is money
 * WeChat has already returned, so it cannot be refused or reduced any more — it is flagged to staff with the
 * amount ("when it completes, what was used since the quote is checked again").
 */
@Injectable()
export class RefundBenefitRecheckHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly refunds: RefundsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'payments: a completed term-ending refund re-checks the benefits used since its quote',
      on: { kind: OrderKind.MEMBERSHIP, from: OrderStatus.REFUNDING, to: OrderStatus.REFUNDED },
      runsAfter: [TERM_REMOVAL_HOOK],
      after: async ({ manager, order, facts }) => {
        if (!facts.refund?.endsTerm) return;
        const quote = await this.refunds.quoteOrder(manager, order);
        const usedFen = quote.giftValueUsedFen + quote.memberSavingsUsedFen + quote.couponValueUsedFen;
        // refunded = paid − used at the quote, so what exceeds the fee now is exactly what was used since.
        const usedSinceQuoteFen = usedFen + quote.alreadyRefundedFen - quote.paidFen;
        if (usedSinceQuoteFen <= 0) return;
        await manager.insert(StaffAlert, {
          kind: 'REFUND_BENEFITS_USED',
          customerId: order.customerId,
          orderId: order.id,
          message: `会员费已全额退款，但退款处理期间又使用了权益 ${formatFen(usedSinceQuoteFen)}，请联系会员处理`,
          details: {
            refundId: facts.refund.id,
            usedSinceQuoteFen,
            usedFen,
            refundedFen: quote.alreadyRefundedFen,
            paidFen: quote.paidFen,
          },
          resolvedAt: null,
        });
      },
    });
  }
}
