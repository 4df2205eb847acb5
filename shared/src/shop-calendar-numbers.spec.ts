import {
  dayOfIsoDate,
  isoDateOfDay,
  monthKey,
  monthOfDay,
  parseIsoDate,
  parseMonthKey,
  ShopCalendar,
} from './shop-calendar';

describe('ShopCalendar: days and months of the shop time zone', () => {
  const shanghai = new ShopCalendar('Asia/Shanghai');

  it('an instant belongs to the local day: 2025-01-31 16:00Z is already 1 February in Shanghai', () => {
    expect(isoDateOfDay(shanghai.dayOf(new Date('2025-01-31T15:59:59.999Z')))).toBe('2025-01-31');
    expect(isoDateOfDay(shanghai.dayOf(new Date('2025-01-31T16:00:00Z')))).toBe('2025-02-01');
  });

  it('local midnight of a day is its first instant', () => {
    expect(shanghai.startOfDay(dayOfIsoDate('2025-02-01')).toISOString()).toBe('2025-01-31T16:00:00.000Z');
  });

  it('wall-clock text is the shop time, also across days', () => {
    expect(shanghai.wallClock(new Date('2025-01-31T15:59:59Z'))).toBe('2025-01-31 23:59:59');
    expect(shanghai.wallClock(new Date('2025-01-31T16:00:05Z'))).toBe('2025-02-01 00:00:05');
  });

  it('a zone with daylight saving changes its offset', () => {
    const berlin = new ShopCalendar('Europe/Berlin');
    expect(berlin.wallClock(new Date('2025-01-15T12:00:00Z'))).toBe('2025-01-15 13:00:00');
    expect(berlin.wallClock(new Date('2025-07-15T12:00:00Z'))).toBe('2025-07-15 14:00:00');
    expect(berlin.startOfDay(dayOfIsoDate('2025-07-15')).toISOString()).toBe('2025-07-14T22:00:00.000Z');
  });

  it('months and dates parse strictly', () => {
    expect(monthKey(monthOfDay(dayOfIsoDate('2024-02-29')))).toBe('2024-02');
    expect(parseMonthKey('2025-13')).toBeNull();
    expect(parseMonthKey('2025-1')).toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toBe(dayOfIsoDate('2024-02-29'));
  });
});
