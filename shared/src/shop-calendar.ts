/**
 * The shop's calendar: every "which day", "how many days left" and "which month" question is answered here, in the
 * shop's IANA time zone (configured on the server, sent to the apps in the client config), so the storefront, the
 * admin, the WeChat reminder text and finance agree on the day an instant belongs to.
 */
export const DEFAULT_SHOP_TIME_ZONE = 'Asia/Shanghai';

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The shop's wall clock at an instant, zero-padded ("2026", "03", "09", "07", "05", "00"). */
export function shopWallClock(at: Date | string | number, timeZone: string): WallClock {
  const instant = new Date(at);
  const formatter = formatterFor(timeZone);
  if (!formatter) return fixedOffsetWallClock(instant, CHINA_OFFSET_MS);
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return parts as WallClock;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      return null; // a JS engine without time-zone data (some mini-program runtimes): the shop's China time
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** China has one zone and no DST: the fallback where an engine cannot name zones. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

function fixedOffsetWallClock(instant: Date, offsetMs: number): WallClock {
  const local = new Date(instant.getTime() + offsetMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(local.getUTCFullYear()),
    month: pad(local.getUTCMonth() + 1),
    day: pad(local.getUTCDate()),
    hour: pad(local.getUTCHours()),
    minute: pad(local.getUTCMinutes()),
    second: pad(local.getUTCSeconds()),
  };
}

/** The shop-calendar day (YYYY-MM-DD) an instant falls on. */
export function shopDay(at: Date | string | number, timeZone: string): string {
  const { year, month, day } = shopWallClock(at, timeZone);
  return `${year}-${month}-${day}`;
}

/** The shop-calendar month (YYYY-MM) an instant falls on. */
export function shopMonth(at: Date | string | number, timeZone: string): string {
  return shopDay(at, timeZone).slice(0, 7);
}

/** Calendar days from `from`'s shop day to `to`'s: a term ending tomorrow at 09:00 is 1 day away, whatever the hour now. */
export function shopDaysBetween(from: Date | string | number, to: Date | string | number, timeZone: string): number {
  return Math.round((Date.parse(shopDay(to, timeZone)) - Date.parse(shopDay(from, timeZone))) / 86_400_000);
}

/**
 * Days left of a term, in shop-calendar days: 0 on its last day (it ends today) and after it ended. The membership
 * page, the staff lists and the WeChat reminder ("还剩{daysLeft}天") all print this one number.
 */
export function daysLeft(termEnd: Date | string, now: Date, timeZone: string): number {
  return new Date(termEnd).getTime() <= now.getTime() ? 0 : Math.max(shopDaysBetween(now, termEnd, timeZone), 0);
}

/** "2026-03-09" in the shop's calendar. */
export function formatShopDate(at: Date | string | null | undefined, timeZone: string): string {
  return at ? shopDay(at, timeZone) : '';
}

/** "2026-03-09 07:05" in the shop's calendar. */
export function formatShopDateTime(at: Date | string | null | undefined, timeZone: string): string {
  if (!at) return '';
  const { year, month, day, hour, minute } = shopWallClock(at, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/**
 * WeChat's RFC 3339 times are China time whatever the shop's zone: `2026-11-23T16:30:00+08:00`, with milliseconds
 * (`…16:30:00.120+08:00`) where WeChat asks for them (shipping upload_time). The one home of "+08:00".
 */
export function toWechatTime(at: Date, { millis = false }: { millis?: boolean } = {}): string {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${china.toISOString().slice(0, millis ? 23 : 19)}+08:00`;
}
