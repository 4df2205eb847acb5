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
  const current = sorted.find((term) => term.start <= now && now < term.end);
  if (!current) {
    const start = now;
    return { start, end: newTermEnd(start), shiftMs: 0 };
  }
  if (current.tierId === tierId) {
    const start = sorted[sorted.length - 1].end;
    return { start, end: newTermEnd(start), shiftMs: 0 };
  }
  const end = newTermEnd(now);
  return { start: now, end, cut: { term: current, remainderMs: current.end.getTime() - now.getTime() }, shiftMs: end.getTime() - now.getTime() };
}
