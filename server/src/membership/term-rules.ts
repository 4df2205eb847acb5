import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { TermUnit } from '@member-commerce/shared';

dayjs.extend(utc);
dayjs.extend(timezone);

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
  const local = dayjs(start).tz(timeZone);
  const unit = term.unit === TermUnit.MONTH ? 'month' : 'day';
  return local.add(term.length, unit).toDate();
}

/** Renewal before expiry extends from the current end (no day lost); after expiry it starts now. */
export function renewalStart(currentEnd: Date | null | undefined, now: Date): Date {
  return currentEnd && currentEnd.getTime() > now.getTime() ? currentEnd : now;
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

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A term that still spans time: a refunded term that had not started is kept as an empty span for history. */
export const isNotEmpty = (term: TermSpan): boolean => term.end.getTime() > term.start.getTime();

/**
 * Adds whole days as exact 24 h steps, whatever the shop's zone: staff extensions and code validity are durations.
 * In a zone with DST a step across a change lands an hour off the wall clock; calendar terms use `termEnd`.
 */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
