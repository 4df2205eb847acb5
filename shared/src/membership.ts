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
  /** The order number of `orderId` (staff views). */
  outTradeNo?: string | null;
  source: TermSource;
}

/**
 * How a term came to be. `TRIAL`: a free trial (member price and free shipping only); `CODE`: a redeemed
 * membership code (a staff batch or a gift bought by a friend).
 */
export type TermSource = 'PURCHASE' | 'RENEWAL' | 'CARRY_OVER' | 'STAFF_GRANT' | 'GRACE' | 'CODE' | 'TRIAL';

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
  /** A refund that will end the current term is being processed: its benefits are paused meanwhile. */
  benefitsSuspended?: boolean;
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
  /** Shop-calendar days left of an active membership (0 otherwise): `daysLeft` in shop-calendar.ts. */
  daysLeft: number;
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
  /** The welcome packs offered when the term was sold (absent on terms sold before it was recorded). */
  giftPackIds?: number[];
}

/** A tier's terms as sold: frozen on the membership order at checkout, copied onto the term at payment. */
export interface TierTermsSnapshot extends TermSnapshot {
  termUnit: TermUnit;
  termLength: number;
}

/** Filters of the staff member list and its export. */
export interface MemberQuery {
  q?: string;
  status?: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  tierId?: number;
  /** Active members whose membership ends within this many days from now. */
  expiresWithinDays?: number;
  /** Customers carrying this staff tag (客户标签). */
  tagId?: number;
  page?: number;
  pageSize?: number;
}

/** A row of `GET /api/admin/members`: the member with lifetime spend and savings from paid product orders. */
export interface AdminMemberRow extends AdminMemberView {
  /** Paid product orders minus their refunds, all terms. */
  spendFen: Fen;
  /** What member prices saved on paid, not refunded, product orders. */
  savingsFen: Fen;
}

/**
 * `GET /api/admin/members/:id/extension-allowance`: how far the caller may extend this member, shown before
 * they submit. `PER_EXTENSION`: the cap applies to each extension on its own (`usedDays` is 0).
 */
export interface ExtensionAllowanceView {
  limited: boolean;
  capDays: number;
  scope: 'PER_EXTENSION' | 'PER_TERM';
  usedDays: number;
  remainingDays: number;
}
