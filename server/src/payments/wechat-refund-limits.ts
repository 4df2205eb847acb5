import { ErrorCode, refundRefusalText } from '@member-commerce/shared';

/** WeChat Pay's refund limits, checked before WeChat is asked. */
const REFUND_WINDOW_DAYS = 365;
export const MAX_REFUNDS_PER_ORDER = 50;
const REFUND_SPACING_MS = 60_000;

const DAY_MS = 24 * 3600 * 1000;

export interface RefundLimitFacts {
  /** When WeChat took the money. */
  paidAt: Date;
  now: Date;
  /** Refunds of the order WeChat accepted or will be sent (refused ones do not count). */
  refundCount: number;
  /** When the order's latest refund was (or is queued to be) sent to WeChat. */
  lastSentAt: Date | null;
}

export type RefundLimitVerdict =
  | { ok: true; /** Send no earlier than this (null: now). */ queuedUntil: Date | null }
  | { ok: false; code: ErrorCode; message: string };

/**
 * No refund after payment + 365 days, at most 50 refunds per order, and at least a minute between two refunds of
 * one order — a refund inside that minute is queued for its minute rather than refused.
 */
export function checkWechatRefundLimits(facts: RefundLimitFacts): RefundLimitVerdict {
  if (facts.now.getTime() > facts.paidAt.getTime() + REFUND_WINDOW_DAYS * DAY_MS) {
    return {
      ok: false,
      code: ErrorCode.REFUND_WINDOW_CLOSED,
      message: `支付已超过 ${REFUND_WINDOW_DAYS} 天，微信支付不再受理原路退款，请线下处理`,
    };
  }
  if (facts.refundCount >= MAX_REFUNDS_PER_ORDER) {
    return {
      ok: false,
      code: ErrorCode.REFUND_COUNT_EXCEEDED,
      message: `该订单已退款 ${facts.refundCount} 次，微信支付每笔订单最多受理 ${MAX_REFUNDS_PER_ORDER} 次退款`,
    };
  }
  const earliest = facts.lastSentAt ? facts.lastSentAt.getTime() + REFUND_SPACING_MS : 0;
  return { ok: true, queuedUntil: earliest > facts.now.getTime() ? new Date(earliest) : null };
}

/** What staff read when WeChat refuses a refund request (codes of the v3 refund API). */
export function refusalReason(code: string | number): string {
  return refundRefusalText(code).slice(0, 255);
}

export const ABNORMAL_REASON = '退款异常：用户银行卡作废或冻结，原路退回失败。请线下退款，或关闭后重新发起';
export const CLOSED_REASON = '微信支付已关闭该退款，款项未退回';
