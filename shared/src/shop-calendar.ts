/**
 * The shop's calendar: every "which day", "how many days left" and "which month" question is answered here, in the
 * shop's IANA time zone (configured on the server, sent to the apps in the client config), so the storefront, the
 * admin, the WeChat reminder text and finance agree on the day an instant belongs to.
 */
import { DAY_MS } from './time';

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

/** Whether this engine knows `timeZone` as an IANA zone (the server refuses to start with any other). */
export function isShopTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/**
 * China time (one zone, no DST): WeChat's zone, and the fallback where a JS engine cannot name zones. Any other zone,
 * with or without DST, is read through Intl.
 */
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

const QUARTER_HOUR_MS = 900_000;
/** Offsets by zone and UTC quarter-hour (every zone changes offset on a quarter-hour): exports ask for few of them. */
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds to add to a UTC instant to read the shop's wall clock there (DST included). */
export function shopOffsetMs(at: Date | number, timeZone: string): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone || zone.size > 100_000) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(quarter);
  if (offset === undefined) {
    const { year, month, day, hour, minute, second } = shopWallClock(quarter * QUARTER_HOUR_MS, timeZone);
    offset = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second) - quarter * QUARTER_HOUR_MS;
    zone.set(quarter, offset);
  }
  return offset;
}

/**
 * The instant the shop's clock shows `wallMs` (a wall-clock time written as if it were UTC). A time a DST change
 * skips is read with the offset before the change (02:30 on a spring-forward night is 03:30); a time that happens
 * twice when clocks fall back is its first occurrence.
 */
export function shopInstantOf(wallMs: number, timeZone: string): Date {
  const before = wallMs - shopOffsetMs(wallMs - DAY_MS, timeZone);
  const after = wallMs - shopOffsetMs(wallMs + DAY_MS, timeZone);
  const real = [before, after].filter((instant) => instant + shopOffsetMs(instant, timeZone) === wallMs);
  return new Date(real.length ? Math.min(...real) : before);
}

/** The first instant of shop day `day` (YYYY-MM-DD; a longer ISO text is cut to its date), `plusDays` later. */
export function shopDayStart(day: string, timeZone: string, plusDays = 0): Date {
  return shopInstantOf(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + plusDays * DAY_MS, timeZone);
}

/**
 * `at` moved by whole calendar months or days on the shop's wall clock, keeping the time of day: Jan 31 + 1 month is
 * Feb 28 (Feb 29 in a leap year), and across a DST change the clock time stays (a day is then 23 or 25 hours).
 */
export function addShopCalendar(at: Date, amount: number, unit: 'month' | 'day', timeZone: string): Date {
  const wall = new Date(at.getTime() + shopOffsetMs(at, timeZone));
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()];
  const timeOfDay = wall.getTime() - Date.UTC(year, month, day);
  const target =
    unit === 'day'
      ? Date.UTC(year, month, day + amount)
      : Date.UTC(year, month + amount, Math.min(day, new Date(Date.UTC(year, month + amount + 1, 0)).getUTCDate()));
  return shopInstantOf(target + timeOfDay, timeZone);
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

/**
 * Shop days and months as integers, for whole-number arithmetic over many rows (finance, dashboard): a day number
 * counts days since 1970-01-01 of the shop-local date; a month index is year × 12 + month (0-based).
 */
export class ShopCalendar {
  constructor(readonly timeZone: string) {}

  /** Milliseconds to add to a UTC instant to read the shop's wall clock. */
  offsetMs(instant: Date | number): number {
    return shopOffsetMs(instant, this.timeZone);
  }

  /** The shop day number an instant falls on. */
  dayOf(instant: Date | number): number {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    return Math.floor((ms + this.offsetMs(ms)) / DAY_MS);
  }

  /** The first instant of shop day number `day`. */
  startOfDay(day: number): Date {
    return shopInstantOf(day * DAY_MS, this.timeZone);
  }

  private lastDay = NaN;
  private lastDate = '';

  /** Wall-clock text "YYYY-MM-DD HH:mm:ss" of an instant. Hot in exports: integer arithmetic, the date cached. */
  wallClock(instant: Date | number): string {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    const local = ms + this.offsetMs(ms);
    const day = Math.floor(local / DAY_MS);
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastDate = isoDateOfDay(day);
    }
    const seconds = Math.floor((local - day * DAY_MS) / 1000);
    const hh = Math.floor(seconds / 3600);
    const mm = Math.floor((seconds % 3600) / 60);
    const ss = seconds % 60;
    return `${this.lastDate} ${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:${ss < 10 ? '0' : ''}${ss}`;
  }
}

export const dayOfIsoDate = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
export const isoDateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const monthOfDay = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
export const firstDayOfMonth = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
export const monthKey = (month: number): string =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;

/** "2025-02" → month index; null when not a real month. */
export function parseMonthKey(text: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null;
}

/** "2025-02-29" → null (not a date); "2025-02-28" → its day number. */
export function parseIsoDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = dayOfIsoDate(text);
  return Number.isFinite(day) && isoDateOfDay(day) === text ? day : null;
}
