import { toDate } from '../ledger.service';
import type { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import { recogniseAllocatedOrder } from '../recognition/recognise-allocated-order';
import type { ServedSpan } from '../recognition/recognise-order';
import type { ShopCalendar } from '@member-commerce/shared';

/** The ledger kinds an order's recognition reads (SQL list); addOrderToRoll treats any other as a refund. */
export const REPORT_LEDGER_KINDS_SQL = "'PAYMENT', 'REFUND', 'DELIVERY'";

/** The ledger columns the report reads of one PAYMENT / REFUND / DELIVERY entry (raw rows, no entities). */
export interface ReportLedgerRow {
  orderId: number;
  kind: string;
  occurredAt: string | Date;
  amountFen: number;
  tierId: number | null;
  serviceDays: number | null;
  goodsFen: number | null;
  /** PAYMENT: the term it bought; null for a gift membership code, whose term exists only once redeemed. */
  termId: number | null;
}

/**
 * Feeds one membership order (its entries in id order and its term segments) into the roll-forward: billed,
 * refunded and the goods / service recognition, all in the tier of its first entry. The one home of this rule for
 * the report computed from the ledger and for the materialised figures.
 */
export function addOrderToRoll(
  roll: MonthlyRollForward,
  entries: readonly ReportLedgerRow[],
  spans: ServedSpan[],
  calendar: ShopCalendar,
): void {
  let payment: ReportLedgerRow | undefined;
  let tier: number | null = null;
  let goodsDeliveredDay: number | null = null;
  const refunds: { day: number; amountFen: number }[] = [];
  for (const entry of entries) {
    tier ??= entry.tierId;
    if (entry.kind === 'PAYMENT') payment = entry;
    else if (entry.kind === 'DELIVERY') goodsDeliveredDay ??= calendar.dayOf(toDate(entry.occurredAt));
    else refunds.push({ day: calendar.dayOf(toDate(entry.occurredAt)), amountFen: -Number(entry.amountFen) });
  }
  const tierKey = Number(tier ?? 0);
  for (const refund of refunds) roll.refunded(tierKey, refund.day, refund.amountFen);
  if (!payment) return; // a refund whose payment is not in the ledger (not backfilled): counted, nothing to recognise
  const billedDay = calendar.dayOf(toDate(payment.occurredAt));
  roll.billed(tierKey, billedDay, Number(payment.amountFen));
  // A gift code not redeemed yet serves no day: its fee stays deferred (never recognised silently; an expired,
  // unredeemed code is shown as breakage in GET /api/admin/membership-codes/gifts).
  if (payment.termId === null && !spans.length) return;
  const { goods, service } = recogniseAllocatedOrder({
    billedFen: Number(payment.amountFen),
    billedDay,
    plannedDays: payment.serviceDays,
    spans,
    refunds,
    goodsFen: Number(payment.goodsFen ?? 0),
    goodsDeliveredDay,
  });
  roll.recognised(tierKey, goods, 'goods');
  roll.recognised(tierKey, service, 'service');
}
