import { AdminTierView, BenefitView, TermUnit, TierView } from '@member-commerce/shared';
import { toGiftPackSummary, toGiftPackView } from '../catalog/gift-pack-views';
import { Benefit } from './benefit.entity';
import { Tier } from './tier.entity';

export const toBenefitView = (benefit: Benefit): BenefitView => ({
  id: benefit.id,
  type: benefit.type,
  title: benefit.title,
  description: benefit.description,
  icon: benefit.icon,
  ...(benefit.config ? { config: benefit.config } : {}),
  status: benefit.status,
});

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

function tierBase(tier: Tier, benefits: Benefit[] = tier.benefits ?? []): Omit<TierView, 'giftPacks'> {
  return {
    id: tier.id,
    code: tier.code,
    name: tier.name,
    description: tier.description,
    priceFen: tier.priceFen,
    ...(tier.termUnit === TermUnit.MONTH ? { termMonths: tier.termLength } : { termDays: tier.termLength }),
    image: tier.image,
    sortOrder: tier.sortOrder,
    defaultDiscountBp: tier.defaultDiscountBp,
    giftPackChoices: tier.giftPackChoices,
    trialDays: tier.trialDays ?? 0,
    benefits: [...benefits].sort(byId).map(toBenefitView),
    autoRenewPriceFen: tier.autoRenewPriceFen ?? null,
  };
}

/** What a buyer gets now: active benefits and packs only (drafts are not sold yet, archived ones no more). */
export const toTierView = (tier: Tier): TierView => ({
  ...tierBase(tier, soldBenefits(tier)),
  giftPacks: [...(tier.giftPacks ?? [])]
    .filter((pack) => pack.status === 'ACTIVE')
    .sort(byId)
    .map(toGiftPackSummary),
});

/** The tier's benefits a buyer gets today (and a new term snapshots). */
export const soldBenefits = (tier: Tier): Benefit[] =>
  (tier.benefits ?? []).filter((benefit) => benefit.status === 'ACTIVE');

export const toAdminTierView = (tier: Tier): AdminTierView => ({
  ...tierBase(tier),
  status: tier.status,
  serviceStandaloneFen: tier.serviceStandaloneFen ?? null,
  giftPacks: [...(tier.giftPacks ?? [])].sort(byId).map(toGiftPackView),
  createdAt: tier.createdAt.toISOString(),
  updatedAt: tier.updatedAt.toISOString(),
});
