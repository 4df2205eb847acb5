/**
 * Whether a term's benefits may be used at `at`: the one rule pricing, free shipping, coupons, gift claims,
 * the storefront catalogue and payment settlement all ask.
 * - ENDED: revoked, refunded away or simply over (terms are half-open [start, end)).
 * - SUSPENDED: a refund that will end the term is under way (processing, or waiting for approval); nothing of
 *   the term may be used until it fails (LIVE again) or succeeds (ENDED).
 */
export type TermStanding = 'NOT_STARTED' | 'LIVE' | 'SUSPENDED' | 'ENDED';

export interface TermStandingFacts {
  start: Date;
  end: Date;
  membershipRevoked: boolean;
  /** A term-ending refund of the order that paid for the term is in progress. */
  refundInProgress: boolean;
}

/** WeChat reports payment times in whole seconds; a term's end is compared at that resolution everywhere. */
export const wholeSecond = (date: Date): number => Math.floor(date.getTime() / 1000);

export function termStanding(facts: TermStandingFacts, at: Date): TermStanding {
  if (facts.membershipRevoked) return 'ENDED';
  if (wholeSecond(at) >= wholeSecond(facts.end)) return 'ENDED';
  if (wholeSecond(at) < wholeSecond(facts.start)) return 'NOT_STARTED';
  return facts.refundInProgress ? 'SUSPENDED' : 'LIVE';
}
