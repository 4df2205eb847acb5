import {
  addShopCalendar,
  daysLeft,
  formatShopDateTime,
  isShopTimeZone,
  shopDay,
  shopDayStart,
  shopDaysBetween,
  shopMonth,
  toWechatTime,
} from './shop-calendar';

const SHANGHAI = 'Asia/Shanghai';

describe('the shop calendar', () => {
  it('puts an instant on the shop-local day, not the UTC day', () => {
    expect(shopDay(new Date('2026-03-08T16:30:00Z'), SHANGHAI)).toBe('2026-03-09');
    expect(shopMonth(new Date('2026-01-31T16:00:00Z'), SHANGHAI)).toBe('2026-02');
    expect(formatShopDateTime('2026-03-08T23:05:00Z', SHANGHAI)).toBe('2026-03-09 07:05');
  });

  it('counts days left in calendar days: a term ending tomorrow morning is 1 day away late tonight', () => {
    const lateTonight = new Date('2026-03-09T15:50:00Z'); // 23:50 in Shanghai
    expect(daysLeft('2026-03-10T01:00:00Z', lateTonight, SHANGHAI)).toBe(1);
    expect(daysLeft('2026-03-12T15:00:00Z', lateTonight, SHANGHAI)).toBe(3);
  });

  it('says 0 days left on the last day and after the end', () => {
    const morning = new Date('2026-03-09T01:00:00Z');
    expect(daysLeft('2026-03-09T12:00:00Z', morning, SHANGHAI)).toBe(0);
    expect(daysLeft('2026-03-01T00:00:00Z', morning, SHANGHAI)).toBe(0);
  });

  it('follows daylight saving time in a zone that has it', () => {
    expect(shopDaysBetween('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z', 'America/New_York')).toBe(2);
  });
});

describe('calendar arithmetic in the shop zone', () => {
  const at = (iso: string) => new Date(iso);
  const BERLIN = 'Europe/Berlin';

  it('a month from the 31st ends on the last day of a short month, the 29th in a leap year', () => {
    expect(addShopCalendar(at('2026-01-31T02:00:00Z'), 1, 'month', SHANGHAI).toISOString()).toBe(
      '2026-02-28T02:00:00.000Z',
    );
    expect(addShopCalendar(at('2028-01-31T02:00:00Z'), 1, 'month', SHANGHAI).toISOString()).toBe(
      '2028-02-29T02:00:00.000Z',
    );
    expect(addShopCalendar(at('2024-02-29T02:00:00Z'), 12, 'month', SHANGHAI).toISOString()).toBe(
      '2025-02-28T02:00:00.000Z',
    );
  });

  it('months are counted on the shop calendar, not the UTC one: 1 Jan 00:30 in Shanghai is still 31 Dec in UTC', () => {
    expect(addShopCalendar(at('2025-12-31T16:30:00Z'), 1, 'month', SHANGHAI).toISOString()).toBe(
      '2026-01-31T16:30:00.000Z',
    );
    // 31 Jan 00:30 in Shanghai + 1 month = 28 Feb 00:30 there (a UTC calendar would say 28 Feb 16:30Z, 1 Mar local).
    expect(addShopCalendar(at('2026-01-30T16:30:00Z'), 1, 'month', SHANGHAI).toISOString()).toBe(
      '2026-02-27T16:30:00.000Z',
    );
  });

  it('across a DST change the wall-clock time stays, so the day is 23 or 25 hours long', () => {
    // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.
    expect(addShopCalendar(at('2026-03-28T09:00:00Z'), 1, 'day', BERLIN).toISOString()).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    expect(addShopCalendar(at('2026-10-24T08:00:00Z'), 1, 'day', BERLIN).toISOString()).toBe(
      '2026-10-25T09:00:00.000Z',
    );
    expect(addShopCalendar(at('2026-01-15T09:00:00Z'), 6, 'month', BERLIN).toISOString()).toBe(
      '2026-07-15T08:00:00.000Z',
    );
  });

  it('a wall-clock time skipped by spring-forward lands after the gap; a doubled one is its first occurrence', () => {
    // 02:30 on 2026-03-29 does not exist in Berlin: it reads as 03:30 CEST.
    expect(addShopCalendar(at('2026-03-28T01:30:00Z'), 1, 'day', BERLIN).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 02:30 on 2026-10-25 happens twice: the first is 02:30 CEST (00:30Z).
    expect(addShopCalendar(at('2026-10-24T00:30:00Z'), 1, 'day', BERLIN).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('a shop day starts at local midnight, DST or not, and can be shifted by whole days', () => {
    expect(shopDayStart('2026-03-09', SHANGHAI).toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(shopDayStart('2026-03-09T10:00:00Z', SHANGHAI, 1).toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(shopDayStart('2026-03-01', SHANGHAI, -1).toISOString()).toBe('2026-02-27T16:00:00.000Z');
    expect(shopDayStart('2024-03-01', SHANGHAI, -1).toISOString()).toBe('2024-02-28T16:00:00.000Z');
    expect(shopDayStart('2026-03-29', BERLIN).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(shopDayStart('2026-03-29', BERLIN, 1).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // São Paulo once sprang forward at midnight: 2018-11-04 began at 01:00 local.
    expect(shopDayStart('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('knows which zones exist', () => {
    expect(isShopTimeZone('Asia/Shanghai')).toBe(true);
    expect(isShopTimeZone('Europe/Berlin')).toBe(true);
    expect(isShopTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('WeChat time', () => {
  it('is China time with +08:00 whatever the shop zone, with milliseconds only when asked', () => {
    const at = new Date('2026-11-23T08:30:00.120Z');
    expect(toWechatTime(at)).toBe('2026-11-23T16:30:00+08:00');
    expect(toWechatTime(at, { millis: true })).toBe('2026-11-23T16:30:00.120+08:00');
  });
});
