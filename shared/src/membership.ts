import type { MembershipStatus, TermUnit } from './enums';
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

/** What a term holds, copied from the tier when it was bought: later tier edits never change it. */
export interface TermSnapshot {
  tierName: string;
  priceFen: Fen;
  defaultDiscountBp: number;
  benefitIds: number[];
}

/** A tier's terms as sold: frozen on the membership order at checkout, copied onto the term at payment. */
export interface TierTermsSnapshot extends TermSnapshot {
  termUnit: TermUnit;
  termLength: number;
}

/** `GET /api/admin/members/:id/extension-allowance`: what the caller may still grant in the current term. */
export interface ExtensionAllowance {
  /** null: this role has no cap. */
  capDays: number | null;
  usedDays: number;
  remainingDays: number | null;
}
