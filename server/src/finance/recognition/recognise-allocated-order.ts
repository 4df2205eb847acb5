import { OrderRevenue, recogniseOrder, RecognitionRun } from './recognise-order';

/** An order whose fee also bought a welcome gift pack: the pack's allocated share and the day it shipped. */
export interface AllocatedOrderRevenue extends OrderRevenue {
  /** The share of `billedFen` allocated to the gift pack (allocateFee); 0 or absent: the whole fee is service. */
  goodsFen?: number | null;
  /** Local day the pack was shipped (delivered to the carrier); null while it has not been. */
  goodsDeliveredDay?: number | null;
}

export interface AllocatedRecognition {
  goods: RecognitionRun[];
  service: RecognitionRun[];
}

/**
 * Recognition of a fee carrying two performance obligations (docs/finance.md "Allocation"):
 * - the pack's share is recognised in one lump on the day the pack ships; until then it is deferred;
 * - the service's share follows `recogniseOrder` (straight-line over the served days);
 * - a refund first reverses what is still deferred: an unshipped pack's share, then the service's deferred rest
 *   (inside recogniseOrder); what exceeds the service's whole share reverses the shipped pack's revenue that day.
 * The goods and service runs sum to billedFen − Σ refunds, except an unshipped pack's share, which stays deferred.
 */
export function recogniseAllocatedOrder(order: AllocatedOrderRevenue): AllocatedRecognition {
  const goodsFen = Math.min(Math.max(order.goodsFen ?? 0, 0), order.billedFen);
  if (goodsFen === 0) return { goods: [], service: recogniseOrder(order) };
  const serviceFen = order.billedFen - goodsFen;
  const delivered = order.goodsDeliveredDay ?? null;
  const goods: RecognitionRun[] = [];
  const serviceRefunds: { day: number; amountFen: number }[] = [];
  let goodsDeferred = goodsFen;
  let serviceRefunded = 0;
  for (const refund of [...order.refunds].sort((a, b) => a.day - b.day)) {
    const packStillDeferred = delivered === null || delivered > refund.day;
    const fromGoods = packStillDeferred ? Math.min(goodsDeferred, refund.amountFen) : 0;
    goodsDeferred -= fromGoods;
    const rest = refund.amountFen - fromGoods;
    const toService = Math.min(rest, serviceFen - serviceRefunded);
    serviceRefunded += toService;
    if (toService > 0) serviceRefunds.push({ day: refund.day, amountFen: toService });
    if (rest > toService) goods.push({ fromDay: refund.day, toDay: refund.day + 1, perDayFen: -(rest - toService) });
  }
  if (delivered !== null && goodsDeferred !== 0)
    goods.push({ fromDay: delivered, toDay: delivered + 1, perDayFen: goodsDeferred });
  goods.sort((a, b) => a.fromDay - b.fromDay);
  return { goods, service: recogniseOrder({ ...order, billedFen: serviceFen, refunds: serviceRefunds }) };
}
