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
});

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

function tierBase(tier: Tier): Omit<TierView, 'giftPacks'> {
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
    benefits: [...(tier.benefits ?? [])].sort(byId).map(toBenefitView),
  };
}

export const toTierView = (tier: Tier): TierView => ({
  ...tierBase(tier),
  giftPacks: [...(tier.giftPacks ?? [])].sort(byId).map(toGiftPackSummary),
});

export const toAdminTierView = (tier: Tier): AdminTierView => ({
  ...tierBase(tier),
  status: tier.status,
  giftPacks: [...(tier.giftPacks ?? [])].sort(byId).map(toGiftPackView),
  createdAt: tier.createdAt.toISOString(),
  updatedAt: tier.updatedAt.toISOString(),
});
