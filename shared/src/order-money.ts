import type { Fen } from './money';

/** One line of an order or basket as priced: quantity × the unit price charged, against the unit list price. */
export interface MoneyLine {
  quantity: number;
  unitListPriceFen: Fen;
  unitPriceFen: Fen;
}

/** What an order costs, computed once by the server, stored on the order and sent in every view. */
export interface OrderMoney {
  /** Σ unit list price × quantity. */
  listTotalFen: Fen;
  /** Σ unit price charged × quantity: the goods before shipping and coupon. */
  goodsFen: Fen;
  shippingFen: Fen;
  couponDiscountFen: Fen;
  /** goods + shipping − coupon: what the customer pays. */
  totalFen: Fen;
  /** What member prices took off the list price; shipping and the coupon are not member savings. */
  memberSavingsFen: Fen;
}

export const lineTotalFen = (line: Pick<MoneyLine, 'quantity' | 'unitPriceFen'>): Fen =>
  line.unitPriceFen * line.quantity;

/**
 * The one rule for an order's money. `memberPriced`: the lines carry a tier's member prices (a member-priced
 * PRODUCT order or basket); only then is the gap to the list price member savings — a gift order (free, not
 * priced as a member) or a membership fee saves nothing.
 */
export function orderMoney(
  lines: readonly MoneyLine[],
  {
    shippingFen = 0,
    couponDiscountFen = 0,
    memberPriced,
  }: { shippingFen?: Fen; couponDiscountFen?: Fen; memberPriced: boolean },
): OrderMoney {
  const listTotalFen = lines.reduce((sum, line) => sum + line.unitListPriceFen * line.quantity, 0);
  const goodsFen = lines.reduce((sum, line) => sum + lineTotalFen(line), 0);
  return {
    listTotalFen,
    goodsFen,
    shippingFen,
    couponDiscountFen,
    totalFen: goodsFen + shippingFen - couponDiscountFen,
    memberSavingsFen: memberPriced ? Math.max(0, listTotalFen - goodsFen) : 0,
  };
}

/**
 * What a member would save on these lines at the member prices shown to the caller: the storefront's upsell
 * ("开通会员，这些商品可省 …"), computed by the server with the same Σ as `orderMoney`'s savings.
 */
export const memberUpsellFen = (lines: readonly { quantity: number; listPriceFen: Fen; memberPriceFen: Fen }[]): Fen =>
  lines.reduce((sum, line) => sum + Math.max(0, line.listPriceFen - line.memberPriceFen) * line.quantity, 0);

/** What the shop gave away on an order beyond member prices (a gift pack's goods): list − member savings − goods. */
export const waivedFen = (order: { listTotalFen: Fen; memberSavingsFen: Fen; goodsFen: Fen }): Fen =>
  order.listTotalFen - order.memberSavingsFen - order.goodsFen;
