import type { Fen } from './money';
import type { MyMembershipView } from './membership';

/** Lifecycle of one membership code (兑换码): usable until redeemed, voided by staff or past `validUntil`. */
export const MembershipCodeStatus = { ACTIVE: 'ACTIVE', REDEEMED: 'REDEEMED', VOID: 'VOID' } as const;
export type MembershipCodeStatus = (typeof MembershipCodeStatus)[keyof typeof MembershipCodeStatus];

/** `POST /api/admin/membership-codes/batches` */
export interface CreateCodeBatchRequest {
  tierId: number;
  count: number;
  /** ISO time; codes are refused after it. */
  validUntil: string;
  /** Channel or purpose, e.g. "2026 年会 / 合作渠道 A". */
  note?: string;
}

/** The answer of creating a batch. */
export interface CodeBatchCreated {
  id: number;
  tierId: number;
  count: number;
  validUntil: string;
}

/** A batch in the staff list, with how its codes stand. */
export interface CodeBatchView extends CodeBatchCreated {
  tierName: string;
  note: string;
  createdAt: string;
  createdBy: string | null;
  voidedAt: string | null;
  redeemed: number;
  voided: number;
  /** Still usable now. */
  open: number;
  /** Never redeemed and past `validUntil`. */
  expired: number;
}

/** `POST /api/admin/membership-codes/void { code, reason }`: one code voided by staff. */
export interface VoidCodeRequest {
  code: string;
  reason: string;
}

export interface CodeView {
  code: string;
  status: MembershipCodeStatus;
  /** ACTIVE and past `validUntil`. */
  expired: boolean;
  tierId: number;
  validUntil: string;
  redeemedAt: string | null;
  batchId: number | null;
  giftOrderId: number | null;
}

/** `POST /api/me/membership-codes/redeem` */
export interface RedeemCodeRequest {
  code: string;
}

export interface MembershipResponse {
  membership: MyMembershipView;
}

/** `POST /api/me/trial` */
export interface StartTrialRequest {
  tierId: number;
}

/** A membership bought as a gift (`GET /api/me/gift-memberships`). */
export interface GiftMembershipView {
  orderId: number;
  outTradeNo: string;
  orderStatus: string;
  tier: { id: number; name: string };
  priceFen: Fen;
  /** Set once paid. */
  code: string | null;
  codeStatus: MembershipCodeStatus | null;
  validUntil: string | null;
  redeemedAt: string | null;
  createdAt: string;
}

/** `GET /api/admin/trials/stats`: trials started and how many became paying members afterwards. */
export interface TrialStatsView {
  started: number;
  /** Trial terms covering now. */
  inTrial: number;
  /** Customers who paid for (or redeemed) a membership after starting their trial. */
  converted: number;
  /** converted ÷ started, 0..1; null when no trial was started. */
  conversionRate: number | null;
  byTier: { tierId: number; tierName: string; started: number; converted: number }[];
}

/**
 * Codes are 16 characters of this 32-letter alphabet (80 bits) with no 0/O, 1/I to misread; shown in groups of 4.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 16;

/** What a customer typed, as stored: upper case, separators and spaces removed. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.·]/g, '');
}

/** "ABCD-EFGH-JKLM-NPQR" */
export function formatCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/** `GET /api/admin/membership-codes/gifts`: gift codes sold, with what became of them (finance sees breakage). */
export interface GiftCodeAdminRow {
  orderId: number;
  outTradeNo: string;
  buyerNickname: string;
  tierName: string;
  priceFen: Fen;
  paidAt: string | null;
  status: MembershipCodeStatus;
  /** Never redeemed and past `validUntil`: the fee stays deferred and is shown here as breakage. */
  breakage: boolean;
  validUntil: string;
  redeemedAt: string | null;
}

export interface GiftCodesAdminView {
  rows: GiftCodeAdminRow[];
  totals: { soldFen: Fen; redeemedFen: Fen; openFen: Fen; breakageFen: Fen; refundedFen: Fen };
}
