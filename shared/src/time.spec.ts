import { DAY_MS, daysLeft } from './time';

describe('daysLeft', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('rounds a partial day up', () => {
    expect(daysLeft(new Date(now.getTime() + 3 * 3600_000), now)).toBe(1);
    expect(daysLeft(new Date(now.getTime() + 10 * DAY_MS), now)).toBe(10);
  });
  it('is zero once the end has passed', () => {
    expect(daysLeft(new Date(now.getTime() - 1), now)).toBe(0);
    expect(daysLeft(now.toISOString(), now)).toBe(0);
  });
});
