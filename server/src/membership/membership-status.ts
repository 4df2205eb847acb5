import { daysLeft, MembershipStatus } from '@member-commerce/shared';
import { wholeSecond } from './term-standing';

export interface MembershipState {
  status: Exclude<MembershipStatus, 'NONE'>;
  termEnd: Date | null;
}

/**
 * The status right now. Terms are contiguous (renewals, carry-overs and grants start where the last one
 * ends), so a membership is active exactly until its last term ends, unless revoked. Member prices stop at
 * that instant, whatever the stored status says.
 */
export function effectiveStatus(membership: MembershipState | null | undefined, now: Date): MembershipStatus {
  if (!membership) return MembershipStatus.NONE;
  if (membership.status === MembershipStatus.REVOKED) return MembershipStatus.REVOKED;
  // At whole seconds, like every other end-of-term comparison (term-standing.ts).
  return membership.termEnd && wholeSecond(membership.termEnd) > wholeSecond(now)
    ? MembershipStatus.ACTIVE
    : MembershipStatus.EXPIRED;
}

/** Shop-calendar days left of the membership while it is active; 0 otherwise. */
export function membershipDaysLeft(
  membership: MembershipState | null | undefined,
  now: Date,
  timeZone: string,
): number {
  if (!membership?.termEnd || effectiveStatus(membership, now) !== MembershipStatus.ACTIVE) return 0;
  return daysLeft(membership.termEnd, now, timeZone);
}
