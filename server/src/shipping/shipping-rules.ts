import { Fen, ShippingPolicyView } from '@member-commerce/shared';

export interface ShippingQuote {
  shippingFen: Fen;
  freeShippingReason?: 'MEMBER_BENEFIT' | 'THRESHOLD';
}

/**
 * The shipping fee of an order whose goods (at the caller's prices, before coupons) come to `goodsFen`:
 * free for members whose term holds FREE_SHIPPING, free from the threshold up, else the flat fee.
 */
export function shippingFee(policy: ShippingPolicyView, goodsFen: Fen, memberFreeShipping: boolean): ShippingQuote {
  if (memberFreeShipping) return { shippingFen: 0, freeShippingReason: 'MEMBER_BENEFIT' };
  if (policy.freeAboveFen !== null && goodsFen >= policy.freeAboveFen)
    return { shippingFen: 0, freeShippingReason: 'THRESHOLD' };
  return { shippingFen: policy.flatFeeFen };
}

/**
 * "再买 X 即可包邮": what more goods (at the caller's prices) reach the free-shipping threshold; null when this
 * order already ships free or the shop has no threshold.
 */
export function freeShippingShortfallFen(policy: ShippingPolicyView, goodsFen: Fen, quote: ShippingQuote): Fen | null {
  if (quote.shippingFen === 0 || policy.freeAboveFen === null) return null;
  return Math.max(1, policy.freeAboveFen - goodsFen);
}
