import type { MembershipStatus } from './enums';
import type { Fen } from './money';

export interface MembershipTierRef {
  id: number;
  code: string;
  name: string;
}

export interface MembershipTermView {
  id: number;
  tier: MembershipTierRef;
  start: string;
  end: string;
  orderId?: number | null;
  source: 'PURCHASE' | 'RENEWAL' | 'CARRY_OVER' | 'STAFF_GRANT';
}

export interface NextMilestone {
  id: number;
  thresholdFen: Fen;
  remainingFen: Fen;
  title: string;
}

/** `GET /api/me/membership` */
export interface MyMembershipView {
  status: MembershipStatus;
  tier?: MembershipTierRef;
  termStart?: string;
  termEnd?: string;
  daysLeft?: number;
  /** Counted spend in the current term (paid product orders minus refunds). */
  spendFen: Fen;
  nextMilestone?: NextMilestone;
  savingsFen: Fen;
  terms: MembershipTermView[];
}

/** A member row in the admin's member search. */
export interface AdminMemberView {
  membershipId: number;
  customerId: number;
  nickname: string;
  phone?: string | null;
  status: MembershipStatus;
  tier: MembershipTierRef;
  termEnd: string | null;
  revokedReason?: string | null;
  terms: MembershipTermView[];
}

export interface ExtendMembershipRequest {
  days: number;
  reason: string;
}

export interface RevokeMembershipRequest {
  reason: string;
}
