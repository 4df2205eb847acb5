import { BenefitType, TermSource } from '@member-commerce/shared';

/**
 * What a term entitles its holder to, by how the term came to be. A free trial (`TRIAL`) gives member prices
 * and free shipping only: its snapshot keeps just those benefits (so coupons, priority access and service
 * never apply), it offers no welcome gift, and its days count toward no spend milestone. The benefit rules
 * (welcome gift, milestone spend) read these functions instead of testing `source` themselves.
 */
const TRIAL_BENEFIT_TYPES: readonly BenefitType[] = [BenefitType.MEMBER_PRICE, BenefitType.FREE_SHIPPING];

interface TermLike {
  source: TermSource;
  orderId?: number | null;
}

export const isTrialTerm = (term: Pick<TermLike, 'source'>): boolean => term.source === 'TRIAL';

/**
 * A welcome gift comes with a term someone paid for: a purchase or renewal with its order, or a redeemed code
 * (a staff batch or a gift bought for a friend). Not with a carry-over, a staff grant or a trial.
 */
export function offersWelcomeGift(term: TermLike): boolean {
  if (term.source === 'CODE') return true;
  return (term.source === 'PURCHASE' || term.source === 'RENEWAL') && term.orderId != null;
}

/** Spend during a trial counts toward no milestone, and a trial does not join the run of paid terms. */
export const countsTowardMilestones = (term: Pick<TermLike, 'source'>): boolean => !isTrialTerm(term);

/** The benefit ids a trial term of a tier holds: only those of the trial's types. */
export function trialBenefitIds(benefits: readonly { id: number; type: BenefitType }[]): number[] {
  return benefits.filter((benefit) => TRIAL_BENEFIT_TYPES.includes(benefit.type)).map((benefit) => benefit.id);
}
