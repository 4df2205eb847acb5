import { TermSpan } from './term-rules';

export interface PlannedTerm extends TermSpan {
  tierId: number;
}

/**
 * Where a newly bought term of `tierId` goes among the terms that have not ended yet:
 * - no current term → it starts now;
 * - the same tier is current → it starts where the last term ends (renewal, no day lost);
 * - another tier is current → it starts now, the current term is cut at now, and the remaining days of the
 *   cut term come back as a carry-over term right after the new one, later terms shifting by the new length.
 * Returns the start of the new term, the cut (if any) and how far later terms move.
 */
export function planPurchasedTerm<T extends PlannedTerm>(
  openTerms: readonly T[],
  tierId: number,
  now: Date,
  newTermEnd: (start: Date) => Date,
): { start: Date; end: Date; cut?: { term: T; remainderMs: number }; shiftMs: number } {
  const sorted = [...openTerms].sort((a, b) => a.start.getTime() - b.start.getTime());
  // A payment that read the clock before waiting for the customer's lock may find a term another payment started
  // a moment "later": that term is current for it too, or both would start now and one paid term would be lost.
  const at = sorted.length > 0 && sorted[0].start > now ? sorted[0].start : now;
  const current = sorted.find((term) => term.start <= at && at < term.end);
  if (!current) {
    const start = now;
    return { start, end: newTermEnd(start), shiftMs: 0 };
  }
  if (current.tierId === tierId) {
    const start = sorted[sorted.length - 1].end;
    return { start, end: newTermEnd(start), shiftMs: 0 };
  }
  const end = newTermEnd(at);
  return {
    start: at,
    end,
    cut: { term: current, remainderMs: current.end.getTime() - at.getTime() },
    shiftMs: end.getTime() - at.getTime(),
  };
}
