const DAY_MS = 86_400_000;

/**
 * Calendar days and months of the shop's time zone as integers, so recognition works in whole-number arithmetic:
 * a day number is days since 1970-01-01 of the *local* date; a month index is year × 12 + month (0-based).
 */
export class ShopCalendar {
  private readonly format: Intl.DateTimeFormat;
  /** UTC offsets by UTC hour: an export of a million rows asks for few distinct hours. */
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds to add to a UTC instant to read the shop's wall clock. */
  offsetMs(instant: Date | number): number {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    const hour = Math.floor(ms / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const parts = Object.fromEntries(
        this.format.formatToParts(new Date(hour * 3_600_000)).map((part) => [part.type, part.value]),
      );
      const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
      offset = wall - hour * 3_600_000;
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  /** The local calendar day an instant falls on. */
  dayOf(instant: Date | number): number {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    return Math.floor((ms + this.offsetMs(ms)) / DAY_MS);
  }

  /** Local midnight starting `day`, as a UTC instant. */
  startOfDay(day: number): Date {
    const guess = day * DAY_MS;
    return new Date(guess - this.offsetMs(guess - this.offsetMs(guess)));
  }

  private lastDay = NaN;
  private lastDate = '';

  /** Local wall-clock text "YYYY-MM-DD HH:mm:ss" of an instant. Hot in exports: integer arithmetic, the date cached. */
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
