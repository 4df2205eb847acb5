export const DAY_MS = 24 * 60 * 60 * 1000;

/** Renewal notices show when the term ends within this many days. */
export const RENEWAL_NOTICE_DAYS = 30;

/** Renewal before expiry extends from the current end (no day lost); after expiry it starts now. */
export function renewalStart(currentEnd: Date | null | undefined, now: Date): Date {
  return currentEnd && currentEnd.getTime() > now.getTime() ? currentEnd : now;
}

/**
 * Adds whole days as exact 24 h steps, whatever the shop's zone: staff extensions and code validity are durations.
 * In a zone with DST a step across a change lands an hour off the wall clock; calendar terms use `addShopCalendar`.
 */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
