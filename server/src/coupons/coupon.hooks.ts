import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErrorCode, OrderKind, OrderStatus } from '@member-commerce/shared';
import { TermEvents } from '../membership/term-events';
import { LatePaymentRefused, OrderHookRegistry } from '../orders/order-hooks';
import { CouponsService } from './coupons.service';
import { termBoughtBy } from '../membership/bought-term';
import { TERM_FROM_PAYMENT_HOOK } from '../membership/term-hook-names';
import { LATE_PAYMENT_STOCK_HOOK } from '../orders/order-stock.hooks';

/**
 * Coupons follow the orders and the terms: issued when a membership is paid, spent when a product order is paid,
 * back when it closes unpaid, void when their term is revoked or refunded away.
 */
@Injectable()
export class CouponHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly coupons: CouponsService,
    private readonly terms: TermEvents,
  ) {}

  onModuleInit(): void {
    this.terms.onEnded((manager, termIds) => this.coupons.voidForTerms(manager, termIds));
    this.hooks.register({
      name: "coupons: issue the new term's coupons",
      runsAfter: [TERM_FROM_PAYMENT_HOOK],
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID },
      after: async ({ manager, order, now }) => {
        const term = await termBoughtBy(manager, order.id);
        if (term) await this.coupons.issueForTerm(manager, term, order.customerId, now);
      },
    });
    this.hooks.register({
      name: 'coupons: an unpaid order gives its coupon back',
      on: { kind: OrderKind.PRODUCT, from: OrderStatus.PENDING_PAYMENT, to: OrderStatus.CLOSED },
      after: ({ manager, order }) => this.coupons.release(manager, order.id),
    });
    this.hooks.register({
      name: 'coupons: a late payment keeps its discount only if its coupon is still free',
      runsAfter: [LATE_PAYMENT_STOCK_HOOK],
      on: { kind: OrderKind.PRODUCT, from: OrderStatus.CLOSED, to: OrderStatus.PAID },
      before: async ({ manager, order }) => {
        if (!order.couponId || !order.couponDiscountFen) return;
        if (!(await this.coupons.retakable(manager, order.id, order.couponId))) {
          throw new LatePaymentRefused(
            ErrorCode.COUPON_NOT_APPLICABLE,
            'paid after the order closed and its coupon (优惠券) was spent on another order',
          );
        }
      },
    });
    this.hooks.register({
      name: 'coupons: a paid order spends its coupon',
      on: { kind: OrderKind.PRODUCT, to: OrderStatus.PAID },
      after: ({ manager, order }) => this.coupons.markUsed(manager, order.id, order.couponId, order.couponDiscountFen),
    });
  }
}
