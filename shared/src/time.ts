export const DAY_MS = 24 * 60 * 60 * 1000;

/** Renewal notices show when the term ends within this many days. */
export const RENEWAL_NOTICE_DAYS = 30;
