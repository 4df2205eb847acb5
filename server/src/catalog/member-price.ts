import { applyDiscountBp, Fen } from '@member-commerce/shared';

export interface PricedSku {
  listPriceFen: Fen;
}

export interface PricingTier {
  id: number;
  defaultDiscountBp: number;
}

/**
 * The unit price a member of `tier` pays: the tier's price-list entry when the SKU has one, else the list
 * price less the tier's default discount (half up to the fen). Never above list price, never below 0.
 */
export function memberPrice(sku: PricedSku, tier: PricingTier, priceListFen: Fen | undefined): Fen {
  const price = priceListFen ?? applyDiscountBp(sku.listPriceFen, tier.defaultDiscountBp);
  return Math.min(Math.max(price, 0), sku.listPriceFen);
}

/** What a caller pays: the member price while their membership is active, else the list price. */
export function callerPrice(sku: PricedSku, activeTier: PricingTier | undefined, priceListFen: Fen | undefined): Fen {
  return activeTier ? memberPrice(sku, activeTier, priceListFen) : sku.listPriceFen;
}
