import { OrderKind, OrderView } from '@member-commerce/shared';
import { CARRIERS } from '@member-commerce/shared';
import { Order } from './order.entity';

/**
 * What member prices took off the list price of a member-priced PRODUCT order: shipping and the coupon are not
 * member savings, and a gift order (free, not priced as a member) has none. MEMBER_SAVINGS_SQL is the same rule.
 */
export const memberSavingsFen = (
  order: Pick<Order, 'kind' | 'pricedAsTierId' | 'listTotalFen' | 'totalFen' | 'shippingFen' | 'couponDiscountFen'>,
): number =>
  order.kind === OrderKind.PRODUCT && order.pricedAsTierId !== null
    ? order.listTotalFen - (order.totalFen - (order.shippingFen ?? 0) + (order.couponDiscountFen ?? 0))
    : 0;

/** Needs `lines` loaded. */
export const toOrderView = (order: Order): OrderView => ({
  id: order.id,
  outTradeNo: order.outTradeNo,
  kind: order.kind,
  status: order.status,
  totalFen: order.totalFen,
  listTotalFen: order.listTotalFen,
  savingsFen: memberSavingsFen(order),
  refundedFen: order.refundedFen,
  shippingFen: order.shippingFen ?? 0,
  couponDiscountFen: order.couponDiscountFen ?? 0,
  shipment:
    order.carrier && order.trackingNo
      ? {
          carrier: order.carrier,
          carrierName: CARRIERS[order.carrier] ?? order.carrier,
          trackingNo: order.trackingNo,
          shippedAt: order.shippedAt?.toISOString() ?? null,
        }
      : null,
  pricedAsTierId: order.pricedAsTierId,
  tierId: order.tierId,
  giftPackId: order.giftPackId,
  agreementVersion: order.agreementVersion ?? null,
  lines: [...(order.lines ?? [])]
    .sort((a, b) => a.id - b.id)
    .map((line) => ({
      id: line.id,
      skuId: line.skuId,
      giftPackId: line.giftPackId,
      name: line.name,
      image: line.image,
      quantity: line.quantity,
      unitListPriceFen: line.unitListPriceFen,
      unitPriceFen: line.unitPriceFen,
      lineTotalFen: line.lineTotalFen,
    })),
  address: order.address,
  createdAt: order.createdAt.toISOString(),
  paidAt: order.paidAt?.toISOString() ?? null,
  expiresAt: order.expiresAt?.toISOString() ?? null,
  closedAt: order.closedAt?.toISOString() ?? null,
});
