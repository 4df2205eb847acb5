import type { ReconciliationMismatch } from '@member-commerce/shared';
import type { TradeBillRow } from '../../wechat/pay/trade-bill';

/** A payment in our books: its WeChat order number, amount and status (any day; `ofDay` if it succeeded on the day). */
export interface OurPayment {
  outTradeNo: string;
  transactionId: string | null;
  amountFen: number;
  status: string;
  ofDay: boolean;
}

/** A refund in our books (accepted by WeChat, so it has a refund id), with its order's out_trade_no. */
export interface OurRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string | null;
  amountFen: number;
  status: string;
  ofDay: boolean;
}

export type Mismatch = Omit<ReconciliationMismatch, 'resolvedAt' | 'resolvedBy' | 'note'>;

export interface Reconciliation {
  totals: { wechatFen: number; oursFen: number };
  matched: number;
  mismatches: Mismatch[];
}

/** Refund states that are final at WeChat, where our refund must say the same. */
const FINAL_REFUND = new Set(['SUCCESS', 'CLOSED', 'ABNORMAL']);

/**
 * Compares a day of WeChat's trade bill with our payments and refunds (docs/finance.md "Reconciliation"):
 * - a payment line matches our payment of that out_trade_no when ours SUCCEEDED with the same amount; no payment
 *   of ours → ONLY_WECHAT, one not SUCCESS → STATUS, another amount → AMOUNT;
 * - a refund line matches our refund of that out_refund_no by amount, and by status once WeChat's is final
 *   (a bill is a snapshot: PROCESSING there may have finished since);
 * - our payments that succeeded and refunds accepted that day which the bill lacks → ONLY_OURS.
 * Totals are each side's net of the day: payments − refunds not CLOSED.
 */
export function reconcile(
  bill: readonly TradeBillRow[],
  ours: { payments: readonly OurPayment[]; refunds: readonly OurRefund[] },
): Reconciliation {
  const payments = new Map(ours.payments.map((payment) => [payment.outTradeNo, payment]));
  const refunds = new Map(ours.refunds.map((refund) => [refund.outRefundNo, refund]));
  const seenPayments = new Set<string>();
  const seenRefunds = new Set<string>();
  const mismatches: Mismatch[] = [];
  let matched = 0;
  let wechatFen = 0;

  for (const line of bill) {
    if (line.tradeState === 'REFUND') {
      if (line.refundStatus !== 'CLOSED') wechatFen -= line.refundFen;
      seenRefunds.add(line.outRefundNo);
      const refund = refunds.get(line.outRefundNo);
      const base = {
        outTradeNo: line.outTradeNo,
        outRefundNo: line.outRefundNo,
        transactionId: line.refundId || undefined,
        wechatFen: line.refundFen,
        reference: line.outRefundNo,
      };
      if (!refund) mismatches.push({ kind: 'ONLY_WECHAT', ...base });
      else if (refund.amountFen !== line.refundFen)
        mismatches.push({ kind: 'AMOUNT', ...base, oursFen: refund.amountFen });
      else if (FINAL_REFUND.has(line.refundStatus) && refund.status !== line.refundStatus)
        mismatches.push({
          kind: 'STATUS',
          ...base,
          oursFen: refund.amountFen,
          wechatStatus: line.refundStatus,
          oursStatus: refund.status,
        });
      else matched++;
      continue;
    }
    wechatFen += line.totalFen;
    seenPayments.add(line.outTradeNo);
    const payment = payments.get(line.outTradeNo);
    const base = {
      outTradeNo: line.outTradeNo,
      transactionId: line.transactionId || undefined,
      wechatFen: line.totalFen,
      reference: line.outTradeNo,
    };
    if (!payment) mismatches.push({ kind: 'ONLY_WECHAT', ...base });
    else if (payment.status !== 'SUCCESS')
      mismatches.push({
        kind: 'STATUS',
        ...base,
        oursFen: payment.amountFen,
        wechatStatus: line.tradeState,
        oursStatus: payment.status,
      });
    else if (payment.amountFen !== line.totalFen)
      mismatches.push({ kind: 'AMOUNT', ...base, oursFen: payment.amountFen });
    else matched++;
  }

  let oursFen = 0;
  for (const payment of ours.payments) {
    if (!payment.ofDay || payment.status !== 'SUCCESS') continue;
    oursFen += payment.amountFen;
    if (!seenPayments.has(payment.outTradeNo)) {
      mismatches.push({
        kind: 'ONLY_OURS',
        outTradeNo: payment.outTradeNo,
        transactionId: payment.transactionId ?? undefined,
        oursFen: payment.amountFen,
        reference: payment.outTradeNo,
      });
    }
  }
  for (const refund of ours.refunds) {
    if (!refund.ofDay) continue;
    if (refund.status !== 'CLOSED') oursFen -= refund.amountFen;
    if (!seenRefunds.has(refund.outRefundNo)) {
      mismatches.push({
        kind: 'ONLY_OURS',
        outTradeNo: refund.outTradeNo,
        outRefundNo: refund.outRefundNo,
        transactionId: refund.refundId ?? undefined,
        oursFen: refund.amountFen,
        reference: refund.outRefundNo,
      });
    }
  }
  return { totals: { wechatFen, oursFen }, matched, mismatches };
}
