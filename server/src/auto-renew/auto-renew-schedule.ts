const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The pre-deduction notice precedes the charge by at least this (the consumer-protection rule for auto-renewal). */
export const MIN_NOTICE_DAYS = 5;
/** The charge is planned the day before the term ends, so a failure still leaves time to retry. */
const CHARGE_LEAD_MS = DAY_MS;
/** Charges per cycle at most; a failed one is retried after RETRY_AFTER_MS while the window is open. */
const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = 6 * HOUR_MS;
/** WeChat lets a notified charge run 07:00–22:00 Beijing time only (北京时间每天7:00~22:00). */
const CHARGE_FROM_HOUR = 7;
const CHARGE_UNTIL_HOUR = 22;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** A cycle step (notice or charge) older than this was left by a pass that died, and may be taken over. */
export const CYCLE_LEASE_MS = 10 * 60_000;

/** When the notice for a term ending at `termEnd` is due. */
export function noticeDueAt(termEnd: Date, noticeDays: number): Date {
  return new Date(termEnd.getTime() - noticeDays * DAY_MS);
}

/** The charge date the notice states: the day before the term ends, never sooner than 5 days after the notice. */
export function plannedChargeAt(termEnd: Date, notifiedAt: Date): Date {
  return new Date(Math.max(termEnd.getTime() - CHARGE_LEAD_MS, notifiedAt.getTime() + MIN_NOTICE_DAYS * DAY_MS));
}

/** Charges of a cycle may run until the term ends (or a day after a late-planned charge). */
export function chargeWindowEnd(termEnd: Date, chargeAt: Date): Date {
  return new Date(Math.max(termEnd.getTime(), chargeAt.getTime() + DAY_MS));
}

/** The cycle fields that decide the next charge. */
export interface CycleTiming {
  status: string;
  termEnd: Date;
  chargeAt: Date | null;
  nextAttemptAt: Date | null;
}

/**
 * When an active contract will charge next: the open cycle's next attempt (or its planned charge), else the day
 * before the paid term ends; null when nothing will be charged (term over, or its cycle already done).
 */
export function nextChargeOf(cycle: CycleTiming | null, paidEnd: Date | null, now: Date): Date | null {
  if (cycle && ['NOTIFIED', 'RETRY', 'CHARGING'].includes(cycle.status)) return cycle.nextAttemptAt ?? cycle.chargeAt;
  if (!paidEnd || paidEnd <= now || (cycle && cycle.termEnd.getTime() === paidEnd.getTime())) return null;
  return new Date(paidEnd.getTime() - CHARGE_LEAD_MS);
}

/** Whether `at` is within WeChat's charging hours. */
export function inChargeHours(at: Date): boolean {
  const hour = new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCHours();
  return hour >= CHARGE_FROM_HOUR && hour < CHARGE_UNTIL_HOUR;
}

/** `at` itself when charging is allowed then, else the next 07:00 Beijing time. */
export function nextChargeTime(at: Date): Date {
  if (inChargeHours(at)) return at;
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS);
  const day =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) +
    (local.getUTCHours() >= CHARGE_UNTIL_HOUR ? DAY_MS : 0);
  return new Date(day + CHARGE_FROM_HOUR * HOUR_MS - BEIJING_OFFSET_MS);
}

/** After a failed charge: the next attempt, or null when the cycle has failed for good. */
export function nextAttempt(failedAt: Date, attempts: number, windowEnd: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const next = nextChargeTime(new Date(failedAt.getTime() + RETRY_AFTER_MS));
  return next < windowEnd ? next : null;
}

/** Whole days of the notice's 可扣费期 (from the notice to the end of the charge window). */
export function deductDurationDays(notifiedAt: Date, windowEnd: Date): number {
  return Math.max(1, Math.ceil((windowEnd.getTime() - notifiedAt.getTime()) / DAY_MS));
}
