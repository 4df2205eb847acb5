import { daysLeft, formatShopDateTime, shopDay, shopDaysBetween, shopMonth, toWechatTime } from './shop-calendar';

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

describe('WeChat time', () => {
  it('is China time with +08:00 whatever the shop zone, with milliseconds only when asked', () => {
    const at = new Date('2026-11-23T08:30:00.120Z');
    expect(toWechatTime(at)).toBe('2026-11-23T16:30:00+08:00');
    expect(toWechatTime(at, { millis: true })).toBe('2026-11-23T16:30:00.120+08:00');
  });
});
