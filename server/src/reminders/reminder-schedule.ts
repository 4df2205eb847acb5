import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { MessageContext } from '@member-commerce/shared';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface TermEndWindow {
  from: Date;
  to: Date;
}

/** One formatter per zone: dayjs's timezone plugin builds its answer through Intl on every call, too slow per message. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    formatter = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** The shop-calendar day (YYYY-MM-DD) an instant falls on. */
export function shopDay(at: Date, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** Local midnight of a shop-calendar day shifted by `days`. */
function shopMidnight(day: string, days: number, timeZone: string): Date {
  const shifted = dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
  return dayjs.tz(shifted, timeZone).toDate();
}

/**
 * A rule fires on one shop-calendar day: the day of the membership's end plus `offsetDays`. So on `asOf`'s day
 * it is due for the memberships whose end falls on (that day − offsetDays), i.e. ends in [from, to).
 */
export function dueTermEndWindow(offsetDays: number, asOf: Date, timeZone: string): TermEndWindow {
  const today = shopDay(asOf, timeZone);
  return { from: shopMidnight(today, -offsetDays, timeZone), to: shopMidnight(today, -offsetDays + 1, timeZone) };
}

/** Whether a reminder about `termEnd` is still on its day at `asOf` (a claim taken over after a crash may not be). */
export function isOnItsDay(offsetDays: number, termEnd: Date, asOf: Date, timeZone: string): boolean {
  const { from, to } = dueTermEndWindow(offsetDays, asOf, timeZone);
  return termEnd >= from && termEnd < to;
}

/** "2026年12月31日 10:00" in the shop's time zone: accepted by WeChat's time and date fields. */
export function formatTermEnd(termEnd: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(termEnd, timeZone);
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`;
}

export function messageContext(tierName: string, termEnd: Date, asOf: Date, timeZone: string): MessageContext {
  return { tierName, termEnd: formatTermEnd(termEnd, timeZone), daysLeft: String(Math.max(shopDaysBetween(asOf, termEnd, timeZone), 0)) };
}

/** Calendar days from `from`'s shop day to `to`'s (the "1 day before" reminder says 1 day left, whatever the hour). */
export function shopDaysBetween(from: Date, to: Date, timeZone: string): number {
  return Math.round((Date.parse(shopDay(to, timeZone)) - Date.parse(shopDay(from, timeZone))) / 86_400_000);
}

/** Hour of the day (0–23) in the shop's time zone. */
export function shopHour(at: Date, timeZone: string): number {
  return Number(wallClock(at, timeZone).hour);
}
