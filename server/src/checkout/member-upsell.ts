import { Fen, memberUpsellFen } from '@member-commerce/shared';

/** What joining changes for one basket: the goods at member prices and the shipping fee a member would pay. */
export interface MemberUpsell {
  /** Goods saving plus the shipping difference, never negative ("开通会员本单可省"). */
  totalFen: Fen;
  /** The shipping part: what a member pays less (negative when member prices drop below the free-shipping line). */
  shippingFen: Fen;
}

/**
 * The non-member upsell of a basket. `shippingFen` is what the caller pays now, `memberShippingFen` what a member
 * of the shown tier would pay on the same goods at member prices (the shop's one shipping rule decides both).
 */
export function memberUpsellOf(
  lines: readonly { quantity: number; listPriceFen: Fen; memberPriceFen: Fen }[],
  shippingFen: Fen,
  memberShippingFen: Fen,
): MemberUpsell {
  const shippingDifferenceFen = shippingFen - memberShippingFen;
  return {
    totalFen: Math.max(0, memberUpsellFen(lines) + shippingDifferenceFen),
    shippingFen: shippingDifferenceFen,
  };
}
