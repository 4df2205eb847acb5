import { isPaidStatus, OrderMoneyView, RefundStatus, waivedFen } from '@member-commerce/shared';
import type { RefundRequestStatus } from '@member-commerce/shared';
import type { Order } from './order.entity';

type MoneyFields = Pick<
  Order,
  | 'kind'
  | 'status'
  | 'pricedAsTierId'
  | 'listTotalFen'
  | 'totalFen'
  | 'shippingFen'
  | 'couponDiscountFen'
  | 'goodsFen'
  | 'memberSavingsFen'
  | 'refundedFen'
>;

/** What staff reconcile an order's money with: each step from list price to what the shop keeps, named (the figures
 * themselves were computed once, by `orderMoney` in shared, when the order was written). */
export function orderMoneyBreakdown(
  order: MoneyFields,
  refunds: readonly { amountFen: number; status: RefundStatus }[],
  requests: readonly { amountFen: number; status: RefundRequestStatus }[],
): OrderMoneyView {
  const shippingFen = order.shippingFen ?? 0;
  const couponDiscountFen = order.couponDiscountFen ?? 0;
  const goodsFen = order.goodsFen;
  const memberSavings = order.memberSavingsFen;
  const paidFen = isPaidStatus(order.status) ? order.totalFen : 0;
  const sum = (rows: readonly { amountFen: number }[]) => rows.reduce((total, row) => total + row.amountFen, 0);
  return {
    goodsListFen: order.listTotalFen,
    memberSavingsFen: memberSavings,
    waivedFen: waivedFen(order),
    goodsFen,
    shippingFen,
    couponDiscountFen,
    totalFen: order.totalFen,
    paidFen,
    refundedFen: order.refundedFen,
    refundingFen: sum(
      refunds.filter((r) => r.status === RefundStatus.PROCESSING || r.status === RefundStatus.ABNORMAL),
    ),
    pendingRequestFen: sum(requests.filter((r) => r.status === 'PENDING')),
    netPaidFen: paidFen - order.refundedFen,
  };
}
