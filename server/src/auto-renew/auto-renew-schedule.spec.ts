import {
  chargeWindowEnd,
  inChargeHours,
  MIN_NOTICE_DAYS,
  nextAttempt,
  nextChargeTime,
  noticeDueAt,
  plannedChargeAt,
} from './auto-renew-schedule';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('auto-renew schedule', () => {
  const termEnd = at('2031-03-10T04:00:00Z');

  it('the notice is due noticeDays before the term ends', () => {
    expect(noticeDueAt(termEnd, 7)).toEqual(at('2031-03-03T04:00:00Z'));
  });

  it('the charge is planned the day before the term ends when the notice went out in time', () => {
    expect(plannedChargeAt(termEnd, noticeDueAt(termEnd, 7))).toEqual(at('2031-03-09T04:00:00Z'));
  });

  it('a late notice still precedes the charge by five days', () => {
    const late = at('2031-03-08T04:00:00Z');
    const chargeAt = plannedChargeAt(termEnd, late);
    expect(chargeAt.getTime() - late.getTime()).toBe(MIN_NOTICE_DAYS * DAY);
    expect(chargeWindowEnd(termEnd, chargeAt)).toEqual(new Date(chargeAt.getTime() + DAY));
  });

  it('charges run only 07:00–22:00 Beijing time', () => {
    expect(inChargeHours(at('2031-03-09T00:00:00Z'))).toBe(true); // 08:00
    expect(inChargeHours(at('2031-03-09T14:30:00Z'))).toBe(false); // 22:30
    expect(inChargeHours(at('2031-03-08T22:59:00Z'))).toBe(false); // 06:59
    expect(nextChargeTime(at('2031-03-09T14:30:00Z'))).toEqual(at('2031-03-09T23:00:00Z')); // next day 07:00
    expect(nextChargeTime(at('2031-03-08T20:00:00Z'))).toEqual(at('2031-03-08T23:00:00Z')); // 04:00 → 07:00 same day
  });

  it('a failed charge is retried within the window, three attempts at most', () => {
    const windowEnd = termEnd;
    expect(nextAttempt(at('2031-03-09T04:00:00Z'), 1, windowEnd)).toEqual(at('2031-03-09T10:00:00Z'));
    expect(nextAttempt(at('2031-03-09T04:00:00Z'), 3, windowEnd)).toBeNull();
    expect(nextAttempt(at('2031-03-10T00:00:00Z'), 1, windowEnd)).toBeNull();
  });
});
