import { Fen, memberPriceFen } from '@member-commerce/shared';

export interface PricedSku {
  listPriceFen: Fen;
}

export interface PricingTier {
  id: number;
  defaultDiscountBp: number;
}

/** The unit price a member of `tier` pays (shared `memberPriceFen`: price list or default discount, 1 fen … list). */
export function memberPrice(sku: PricedSku, tier: PricingTier, priceListFen: Fen | undefined): Fen {
  return memberPriceFen(sku.listPriceFen, tier.defaultDiscountBp, priceListFen);
}

/** What a caller pays: the member price while their membership is active, else the list price. */
export function callerPrice(sku: PricedSku, activeTier: PricingTier | undefined, priceListFen: Fen | undefined): Fen {
  return activeTier ? memberPrice(sku, activeTier, priceListFen) : sku.listPriceFen;
}
