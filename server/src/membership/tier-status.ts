import { TierStatus } from '@member-commerce/shared';

/** Draft → active → archived. Archived tiers sell no more; their members keep their terms. */
const TIER_TRANSITIONS: Record<TierStatus, TierStatus[]> = {
  DRAFT: ['ACTIVE', 'ARCHIVED'],
  ACTIVE: ['ARCHIVED'],
  ARCHIVED: [],
};

export function canTransitionTier(from: TierStatus, to: TierStatus): boolean {
  return from === to || TIER_TRANSITIONS[from].includes(to);
}
