import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  AfterSalesEligibilityView,
  ErrorCode,
  isRefundableStatus,
  OrderKind,
  OrderStatus,
} from '@member-commerce/shared';
import { quoteOrderRefund } from '../payments/refund-rules';
import { RefundsService } from '../payments/refunds.service';
import { AfterSalesRequest } from './after-sales-request.entity';

type OrderFacts = { id: number; kind: OrderKind; status: OrderStatus; totalFen: number };

/**
 * Why an order cannot have an after-sales request now, or undefined when it can: a paid or shipped product order
 * without an open request. AfterSalesService.create refuses by this rule; the storefront's 申请售后 follows it.
 */
export function afterSalesRefusal(order: Pick<OrderFacts, 'kind' | 'status'>, hasOpenRequest: boolean) {
  if (order.kind !== OrderKind.PRODUCT || !isRefundableStatus(order.status)) return ErrorCode.AFTER_SALES_NOT_ALLOWED;
  if (hasOpenRequest) return ErrorCode.AFTER_SALES_ALREADY_OPEN;
  return undefined;
}

/** The after-sales eligibility of a customer's orders, for their list and detail views. */
@Injectable()
export class AfterSalesEligibility {
  constructor(private readonly refunds: RefundsService) {}

  async of(manager: EntityManager, orders: OrderFacts[]): Promise<Map<number, AfterSalesEligibilityView>> {
    const candidates = orders.filter((order) => afterSalesRefusal(order, false) === undefined).map((order) => order.id);
    const open = candidates.length
      ? await manager.find(AfterSalesRequest, { where: { openOrderId: In(candidates) }, select: { openOrderId: true } })
      : [];
    const withOpenRequest = new Set(open.map((request) => request.openOrderId));
    const refunded = await this.refunds.refundedSoFarOf(manager, candidates);
    return new Map(
      orders.map((order) => {
        const refusal = afterSalesRefusal(order, withOpenRequest.has(order.id));
        // The same quote a request's amount is checked against (RefundsService.checkAmount, for product orders).
        const refundableFen =
          order.kind === OrderKind.PRODUCT && isRefundableStatus(order.status)
            ? quoteOrderRefund(order.id, order.totalFen, refunded.get(order.id) ?? 0).refundableFen
            : 0;
        return [order.id, { canApply: refusal === undefined && refundableFen > 0, refundableFen }];
      }),
    );
  }
}
