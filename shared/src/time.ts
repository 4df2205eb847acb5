export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days left until `end`, rounded up so "ends in 3 hours" still reads as 1 day; 0 once ended. */
export function daysLeft(end: Date | string, now: Date = new Date()): number {
  const ms = new Date(end).getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** Renewal notices show when the term ends within this many days. */
export const RENEWAL_NOTICE_DAYS = 30;
