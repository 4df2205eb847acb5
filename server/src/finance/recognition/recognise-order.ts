/** Local days [fromDay, toDay) an order's term segment serves (day numbers of the shop calendar). */
export interface ServedSpan {
  fromDay: number;
  toDay: number;
}

/** What recognition needs to know about one membership order. Amounts are fen; refunds are positive. */
export interface OrderRevenue {
  billedFen: number;
  billedDay: number;
  /** Days the fee was spread over when it was paid; absent → the days served now. */
  plannedDays?: number | null;
  /** Every term segment of the order as it stands (cut term, CARRY_OVER remainder, truncated by a refund…). */
  spans: readonly ServedSpan[];
  refunds: readonly { day: number; amountFen: number }[];
}

/** `perDayFen` recognised on each day of [fromDay, toDay); a one-day run is a lump (negative = reversal). */
export interface RecognitionRun {
  fromDay: number;
  toDay: number;
  perDayFen: number;
}

/**
 * Straight-line recognition of one order's fee by day over the days its terms serve.
 *
 * - The fee is spread at `floor(fee / plannedDays)` a day over the served days in order, whatever segments they
 *   fall in (a tier change splits the fee between the cut term and its CARRY_OVER remainder by their days); the
 *   last served day takes what is left, so rounding remainders land there.
 * - A refund on day d first reduces the unrecognised (deferred) balance; any excess reverses recognised revenue on
 *   day d. What is still deferred is then spread again over the days served from d on; when none are left (a full
 *   refund truncates the terms) it is recognised on d — the customer kept that value.
 * - Days before an event keep the rate they had, so a later refund or cut never restates a past month.
 *
 * Every fen billed and not refunded is recognised exactly once: the runs sum to billedFen − Σ refunds.
 */
export function recogniseOrder(order: OrderRevenue): RecognitionRun[] {
  const runs: RecognitionRun[] = [];
  const spans = mergeSpans(order.spans);
  const refunds = [...order.refunds].sort((a, b) => a.day - b.day);
  const servedTotal = spans.reduce((sum, span) => sum + span.toDay - span.fromDay, 0);
  const lastServedDay = spans.length ? spans[spans.length - 1].toDay - 1 : null;
  const refundAfterLastServed = lastServedDay !== null && refunds.some((refund) => refund.day > lastServedDay);

  let deferred = order.billedFen;
  let servedLeft = servedTotal;
  const planned = order.plannedDays && order.plannedDays > 0 ? order.plannedDays : servedTotal;
  let rate = planned > 0 ? Math.floor(deferred / planned) : 0;
  let lastEventDay = order.billedDay;

  const emit = (fromDay: number, days: number, perDayFen: number) => {
    if (days <= 0 || perDayFen === 0) return;
    runs.push({ fromDay, toDay: fromDay + days, perDayFen });
    deferred -= days * perDayFen;
  };

  /** Serves the days of [fromDay, toDay) at the current rate; the very last served day takes the rest. */
  const serve = (fromDay: number, toDay: number) => {
    const days = toDay - fromDay;
    const final = toDay - 1 === lastServedDay && !refundAfterLastServed;
    const regular = final ? days - 1 : days;
    const atRate = rate > 0 ? Math.min(regular, Math.floor(Math.max(deferred, 0) / rate)) : 0;
    emit(fromDay, atRate, rate);
    if (final) emit(toDay - 1, 1, deferred);
    servedLeft -= days;
    lastEventDay = Math.max(lastEventDay, toDay - 1);
  };

  let spanIndex = 0;
  let cursor = spans[0]?.fromDay ?? 0;
  const serveBefore = (day: number) => {
    while (spanIndex < spans.length) {
      const span = spans[spanIndex];
      const from = Math.max(cursor, span.fromDay);
      if (from >= day) return;
      const to = Math.min(span.toDay, day);
      serve(from, to);
      cursor = to;
      if (to === span.toDay) spanIndex++;
    }
  };

  refunds.forEach((refund, index) => {
    serveBefore(refund.day);
    deferred -= refund.amountFen;
    if (deferred < 0) emit(refund.day, 1, deferred);
    const lastRefund = index === refunds.length - 1;
    if (servedLeft > 0) rate = Math.floor(deferred / servedLeft);
    else if (lastRefund) emit(refund.day, 1, deferred);
    lastEventDay = Math.max(lastEventDay, refund.day);
  });
  serveBefore(Number.MAX_SAFE_INTEGER);
  emit(lastEventDay, 1, deferred);
  return runs;
}

/** Sorted, non-overlapping spans (segments of one order never overlap; this only guards bad data). */
function mergeSpans(spans: readonly ServedSpan[]): ServedSpan[] {
  const sorted = spans.filter((span) => span.toDay > span.fromDay).sort((a, b) => a.fromDay - b.fromDay);
  const merged: ServedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.fromDay <= last.toDay) last.toDay = Math.max(last.toDay, span.toDay);
    else merged.push({ ...span });
  }
  return merged;
}
