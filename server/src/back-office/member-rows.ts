import { AdminMemberRow } from '@member-commerce/shared';
import { effectiveStatus, membershipDaysLeft } from '../membership/membership-status';
import type { Membership } from '../membership/membership.entity';
import type { MemberSpend } from './member-spend';

/** Needs `customer` and `tier` loaded. */
export const toMemberRow = (
  membership: Membership,
  spend: MemberSpend | undefined,
  now: Date,
  timeZone: string,
): AdminMemberRow => ({
  membershipId: membership.id,
  customerId: membership.customerId,
  nickname: membership.customer?.nickname ?? '',
  phone: membership.customer?.phone ?? null,
  status: effectiveStatus(membership, now),
  tier: { id: membership.tierId, code: membership.tier?.code ?? '', name: membership.tier?.name ?? '' },
  termEnd: membership.termEnd?.toISOString() ?? null,
  daysLeft: membershipDaysLeft(membership, now, timeZone),
  revokedReason: membership.revokedReason,
  terms: [],
  spendFen: spend?.spendFen ?? 0,
  savingsFen: spend?.savingsFen ?? 0,
});
