import type { AdminTierView, CreateTierRequest, TermUnit } from '@member-commerce/shared';
import { yuanToFen } from '@member-commerce/shared';

/** What the tier form edits: money in yuan, discount in percent off, term as unit + length. */
export interface TierFormValues {
  code: string;
  name: string;
  description?: string;
  priceYuan: number;
  termUnit: TermUnit;
  termLength: number;
  discountPercent: number;
  giftPackChoices: number;
  serviceStandaloneYuan?: number | null;
  trialDays: number;
  benefitIds: number[];
  giftPackIds: number[];
  sortOrder?: number;
  image?: string;
  /** Empty: the tier offers no auto-renew. */
  autoRenewPriceYuan?: number | null;
}

export const NEW_TIER: Partial<TierFormValues> = {
  termUnit: 'MONTH',
  termLength: 12,
  discountPercent: 0,
  giftPackChoices: 1,
  trialDays: 0,
  benefitIds: [],
  giftPackIds: [],
  sortOrder: 0,
};

export function tierToForm(tier: AdminTierView): TierFormValues {
  return {
    code: tier.code,
    name: tier.name,
    description: tier.description,
    priceYuan: tier.priceFen / 100,
    termUnit: tier.termDays ? 'DAY' : 'MONTH',
    termLength: tier.termDays ?? tier.termMonths ?? 12,
    discountPercent: tier.defaultDiscountBp / 100,
    giftPackChoices: tier.giftPackChoices,
    serviceStandaloneYuan: tier.serviceStandaloneFen === null ? null : tier.serviceStandaloneFen / 100,
    trialDays: tier.trialDays ?? 0,
    benefitIds: tier.benefits.map((benefit) => benefit.id),
    giftPackIds: tier.giftPacks.map((pack) => pack.id),
    sortOrder: tier.sortOrder,
    image: tier.image ?? undefined,
    autoRenewPriceYuan: tier.autoRenewPriceFen === null ? null : tier.autoRenewPriceFen / 100,
  };
}

/** Form values → request: yuan to fen, percent to basis points, exactly one of termMonths / termDays. */
export function formToRequest(values: TierFormValues): CreateTierRequest {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    description: values.description?.trim() ?? '',
    priceFen: yuanToFen(values.priceYuan),
    ...(values.termUnit === 'DAY' ? { termDays: values.termLength } : { termMonths: values.termLength }),
    defaultDiscountBp: Math.round((values.discountPercent ?? 0) * 100),
    giftPackChoices: values.giftPackChoices ?? 0,
    serviceStandaloneFen: typeof values.serviceStandaloneYuan === 'number' ? yuanToFen(values.serviceStandaloneYuan) : null,
    trialDays: values.trialDays ?? 0,
    benefitIds: values.benefitIds ?? [],
    giftPackIds: values.giftPackIds ?? [],
    sortOrder: values.sortOrder ?? 0,
    image: values.image?.trim() || null,
    autoRenewPriceFen: values.autoRenewPriceYuan ? yuanToFen(values.autoRenewPriceYuan) : null,
  };
}
