import { TermUnit, renewalStart } from '@member-commerce/shared';
import { lastEnd, termAt, termEnd } from './term-rules';

const SHANGHAI = 'Asia/Shanghai';

describe('term rules', () => {
  it('a 12-month term ends on the same local day one year later', () => {
    const start = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai
    expect(termEnd(start, { unit: TermUnit.MONTH, length: 12 }, SHANGHAI).toISOString()).toBe(
      '2027-03-01T02:00:00.000Z',
    );
  });

  it('month terms clamp to the end of a shorter month in the shop time zone', () => {
    // 2026-01-31 08:00 Shanghai + 1 month = 2026-02-28 08:00 Shanghai
    const start = new Date('2026-01-31T00:00:00Z');
    expect(termEnd(start, { unit: TermUnit.MONTH, length: 1 }, SHANGHAI).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
  });

  it('calendar months are counted in the shop time zone, not UTC', () => {
    // 2026-01-31 20:00 UTC is already Feb 1 in Shanghai: one month later is Mar 1 local, not Feb 28.
    const start = new Date('2026-01-31T20:00:00Z');
    expect(termEnd(start, { unit: TermUnit.MONTH, length: 1 }, SHANGHAI).toISOString()).toBe(
      '2026-02-28T20:00:00.000Z',
    );
  });

  it('day terms add whole days', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(termEnd(start, { unit: TermUnit.DAY, length: 30 }, SHANGHAI).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('renewal before expiry extends from the old end date', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const end = new Date('2026-07-01T00:00:00Z');
    expect(renewalStart(end, now)).toEqual(end);
  });

  it('renewal after expiry starts now', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(renewalStart(new Date('2026-05-01T00:00:00Z'), now)).toEqual(now);
    expect(renewalStart(null, now)).toEqual(now);
  });

  it('a term covers its start but not its end', () => {
    const terms = [{ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') }];
    expect(termAt(terms, new Date('2026-01-01T00:00:00Z'))).toBe(terms[0]);
    expect(termAt(terms, new Date('2026-02-01T00:00:00Z'))).toBeUndefined();
    expect(lastEnd(terms)).toEqual(terms[0].end);
    expect(lastEnd([])).toBeNull();
  });
});
