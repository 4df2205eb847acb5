import { addShopCalendar, TermUnit } from '@member-commerce/shared';

export interface TermLength {
  unit: TermUnit;
  length: number;
}

export interface TermSpan {
  start: Date;
  end: Date;
}

/**
 * End of a term that starts at `start`: N calendar months or days later in the shop's time zone, at the same
 * wall-clock time (Jan 31 + 1 month = Feb 28/29).
 */
export function termEnd(start: Date, term: TermLength, timeZone: string): Date {
  return addShopCalendar(start, term.length, term.unit === TermUnit.MONTH ? 'month' : 'day', timeZone);
}

/** The term covering `at`, if any (terms are half-open [start, end)). */
export function termAt<T extends TermSpan>(terms: readonly T[], at: Date): T | undefined {
  const t = at.getTime();
  return terms.find((term) => term.start.getTime() <= t && t < term.end.getTime());
}

/** Latest end among the terms, or null. */
export function lastEnd(terms: readonly TermSpan[]): Date | null {
  return terms.reduce<Date | null>((latest, term) => (!latest || term.end > latest ? term.end : latest), null);
}

/** A term that still spans time: a refunded term that had not started is kept as an empty span for history. */
export const isNotEmpty = (term: TermSpan): boolean => term.end.getTime() > term.start.getTime();
