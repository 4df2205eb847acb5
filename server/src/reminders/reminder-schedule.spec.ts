import { shopDaysBetween } from '@member-commerce/shared';
import { dueTermEndWindow, formatTermEnd, isOnItsDay } from './reminder-schedule';

const SHANGHAI = 'Asia/Shanghai';

describe('reminder schedule (shop time zone)', () => {
  it('a 7-days-before rule is due on the shop day seven days before the end, whatever the UTC date', () => {
    // 2027-03-10 01:30 in Shanghai is still 2027-03-09 in UTC.
    const asOf = new Date('2027-03-09T17:30:00Z');
    const window = dueTermEndWindow(-7, asOf, SHANGHAI);
    expect(window.from.toISOString()).toBe('2027-03-16T16:00:00.000Z');
    expect(window.to.toISOString()).toBe('2027-03-17T16:00:00.000Z');
  });

  it('a win-back rule looks at ends three shop days ago', () => {
    const window = dueTermEndWindow(3, new Date('2027-03-10T04:00:00Z'), SHANGHAI);
    expect(window.from.toISOString()).toBe('2027-03-06T16:00:00.000Z');
  });

  it('the same instant falls on different days in different zones', () => {
    const termEnd = new Date('2027-03-17T20:00:00Z'); // 18 March in Shanghai, 17 March in New York
    const asOf = new Date('2027-03-10T20:00:00Z'); // 11 March in Shanghai, 10 March in New York
    expect(isOnItsDay(-7, termEnd, asOf, SHANGHAI)).toBe(true);
    expect(isOnItsDay(-7, termEnd, asOf, 'America/New_York')).toBe(true);
    expect(isOnItsDay(-7, termEnd, new Date('2027-03-11T17:00:00Z'), SHANGHAI)).toBe(false);
  });

  it('formats the end as WeChat time fields expect', () => {
    expect(formatTermEnd(new Date('2027-03-17T02:05:00Z'), SHANGHAI)).toBe('2027年3月17日 10:05');
  });
});

describe('days left in a reminder', () => {
  it('counts shop calendar days, so the day-before reminder says one day', () => {
    expect(shopDaysBetween(new Date('2027-03-16T02:00:00Z'), new Date('2027-03-17T04:00:00Z'), SHANGHAI)).toBe(1);
    expect(shopDaysBetween(new Date('2027-03-16T17:00:00Z'), new Date('2027-03-17T04:00:00Z'), SHANGHAI)).toBe(0);
  });
});
