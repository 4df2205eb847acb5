import type { Fen } from './money';

/** Where a customer's auto-renew stands (`GET /api/me/auto-renew`). */
export type AutoRenewStatus = 'NONE' | 'PENDING_SIGN' | 'ACTIVE' | 'CANCELLED';

/** A contract's own lifecycle: PENDING_SIGN → ACTIVE → CANCELLED, or PENDING_SIGN → CANCELLED (never signed). */
export type AutoRenewContractStatus = 'PENDING_SIGN' | 'ACTIVE' | 'CANCELLED';

/** Who ended a contract: the customer in the shop, the customer in WeChat, or the shop after a lapse. */
export type AutoRenewCancelledBy = 'CUSTOMER' | 'WECHAT' | 'LAPSED' | 'STAFF';

/** One renewal cycle of a contract: notice → charge → charged, or failed → grace → lapsed. */
export type AutoRenewCycleStatus =
  | 'NOTIFYING'
  | 'NOTIFIED'
  | 'CHARGING'
  | 'CHARGED'
  | 'RETRY'
  | 'GRACE'
  | 'LAPSED'
  | 'SKIPPED';

/** `GET /api/me/auto-renew` */
export interface MyAutoRenewView {
  status: AutoRenewStatus;
  tierId?: number;
  amountFen?: Fen;
  /** When the next charge is planned (the day before the term ends), while ACTIVE. */
  nextChargeAt?: string;
  /** Set while a failed renewal keeps member prices until this moment (宽限期). */
  graceUntil?: string;
  /** Why the last contract ended (CANCELLED only). */
  cancelledBy?: AutoRenewCancelledBy;
  /** The last notice: amount, planned date, and that it can be cancelled on the membership page. */
  notice?: { amountFen: Fen; chargeAt: string; sentAt: string };
}

/** What `wx.navigateToMiniProgram` needs to open WeChat's contract-signing mini-program (委托代扣 小程序纯签约). */
export interface PapaySignParams {
  appId: string;
  path: string;
  extraData: Record<string, string>;
}

/** `POST /api/me/auto-renew` → 201 */
export interface StartAutoRenewResponse {
  contract: { id: number; status: 'PENDING_SIGN' };
  signParams: PapaySignParams;
}

/** `POST /api/admin/auto-renew/run` */
export interface AutoRenewRunResult {
  notified: number;
  charged: number;
  failed: number;
}

/** A contract as staff see it (自动续费 page). */
export interface AdminAutoRenewContract {
  id: number;
  customer: { id: number; nickname: string };
  tierId: number;
  tierName: string;
  amountFen: Fen;
  status: AutoRenewContractStatus;
  wechatContractId: string | null;
  signedAt: string | null;
  cancelledAt: string | null;
  cancelledBy: AutoRenewCancelledBy | null;
  nextChargeAt: string | null;
  failedCharges: number;
  graceUntil: string | null;
  lastCycleStatus: AutoRenewCycleStatus | null;
  /** Why the last charge of the latest cycle failed: Chinese text, and the raw reason WeChat or the pass gave. */
  lastError: { text: string; code: string } | null;
}
