import { planPurchasedTerm } from './term-planner';

const day = 24 * 3600 * 1000;
const now = new Date('2026-06-01T00:00:00Z');
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * day);
const yearLater = (start: Date) => plusDays(start, 365);

describe('planning a purchased term', () => {
  it('a first purchase starts now', () => {
    expect(planPurchasedTerm([], 1, now, yearLater)).toEqual({ start: now, end: plusDays(now, 365), shiftMs: 0 });
  });

  it('renewal before expiry extends from the old end date', () => {
    const current = { tierId: 1, start: plusDays(now, -300), end: plusDays(now, 65) };
    const plan = planPurchasedTerm([current], 1, now, yearLater);
    expect(plan.start).toEqual(current.end);
    expect(plan.end).toEqual(plusDays(now, 65 + 365));
    expect(plan.cut).toBeUndefined();
  });

  it('a payment that read the clock before another payment of the customer started a term follows that term (no overlap)', () => {
    // Two payments settle at once: B read `now` a moment before A, then waited for the customer's lock while A
    // wrote a term starting at its own, later, now.
    const startedByA = {
      tierId: 1,
      start: new Date(now.getTime() + 40),
      end: plusDays(new Date(now.getTime() + 40), 365),
    };
    const plan = planPurchasedTerm([startedByA], 1, now, yearLater);
    expect(plan.start).toEqual(startedByA.end);
    expect(plan.cut).toBeUndefined();
  });

  it('renewal appends after terms already queued', () => {
    const current = { tierId: 1, start: plusDays(now, -300), end: plusDays(now, 65) };
    const queued = { tierId: 1, start: current.end, end: plusDays(now, 430) };
    expect(planPurchasedTerm([queued, current], 1, now, yearLater).start).toEqual(queued.end);
  });

  it('buying another tier while active starts it now and keeps the remaining days for later', () => {
    const current = { tierId: 1, start: plusDays(now, -300), end: plusDays(now, 65) };
    const plan = planPurchasedTerm([current], 2, now, yearLater);
    expect(plan.start).toEqual(now);
    expect(plan.end).toEqual(plusDays(now, 365));
    expect(plan.cut).toEqual({ term: current, remainderMs: 65 * day });
    expect(plan.shiftMs).toBe(365 * day);
  });
});
