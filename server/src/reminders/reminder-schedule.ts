import { daysLeft, shopDay, shopDayStart, shopWallClock, type MessageContext } from '@member-commerce/shared';

export interface TermEndWindow {
  from: Date;
  to: Date;
}

/**
 * A rule fires on one shop-calendar day: the day of the membership's end plus `offsetDays`. So on `asOf`'s day
 * it is due for the memberships whose end falls on (that day − offsetDays), i.e. ends in [from, to).
 */
export function dueTermEndWindow(offsetDays: number, asOf: Date, timeZone: string): TermEndWindow {
  const today = shopDay(asOf, timeZone);
  return { from: shopDayStart(today, timeZone, -offsetDays), to: shopDayStart(today, timeZone, -offsetDays + 1) };
}

/** Whether a reminder about `termEnd` is still on its day at `asOf` (a claim taken over after a crash may not be). */
export function isOnItsDay(offsetDays: number, termEnd: Date, asOf: Date, timeZone: string): boolean {
  const { from, to } = dueTermEndWindow(offsetDays, asOf, timeZone);
  return termEnd >= from && termEnd < to;
}

/** "2026年12月31日 10:00" in the shop's time zone: accepted by WeChat's time and date fields. */
export function formatTermEnd(termEnd: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = shopWallClock(termEnd, timeZone);
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`;
}

/** The placeholders of a plain renewal reminder (auto-renew and grace ones are filled by composeReminder). */
export function messageContext(tierName: string, termEnd: Date, asOf: Date, timeZone: string): MessageContext {
  return {
    tierName,
    termEnd: formatTermEnd(termEnd, timeZone),
    daysLeft: String(daysLeft(termEnd, asOf, timeZone)),
    chargeAmount: '',
    chargeDate: '',
    graceUntil: '',
  };
}

/** Hour of the day (0–23) in the shop's time zone. */
export function shopHour(at: Date, timeZone: string): number {
  return Number(shopWallClock(at, timeZone).hour);
}
