import { OrderView } from '@member-commerce/shared';
import { CARRIERS } from '@member-commerce/shared';
import { Order } from './order.entity';

/** Needs `lines` loaded. */
export const toOrderView = (order: Order): OrderView => ({
  id: order.id,
  outTradeNo: order.outTradeNo,
  kind: order.kind,
  status: order.status,
  totalFen: order.totalFen,
  listTotalFen: order.listTotalFen,
  goodsFen: order.goodsFen,
  savingsFen: order.memberSavingsFen,
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
