import fc from 'fast-check';
import { MonthlyRollForward } from './monthly-roll-forward';
import { recogniseOrder, RecognitionRun } from './recognise-order';
import { dayOfIsoDate, parseMonthKey } from '@member-commerce/shared';

const day = dayOfIsoDate;
const span = (from: string, to: string) => ({ fromDay: day(from), toDay: day(to) });
const total = (runs: RecognitionRun[]) => runs.reduce((sum, run) => sum + (run.toDay - run.fromDay) * run.perDayFen, 0);
/** Recognised fen within the local days [from, to). */
const between = (runs: RecognitionRun[], from: string, to: string) =>
  runs.reduce(
    (sum, run) => sum + Math.max(0, Math.min(run.toDay, day(to)) - Math.max(run.fromDay, day(from))) * run.perDayFen,
    0,
  );

describe('recogniseOrder: straight-line by day over the served days', () => {
  it('a 12-month term across a leap day spreads the fee over 366 days, 29 of them in February', () => {
    const runs = recogniseOrder({
      billedFen: 36_600,
      billedDay: day('2024-01-01'),
      spans: [span('2024-01-01', '2025-01-01')],
      refunds: [],
    });
    expect(between(runs, '2024-01-01', '2024-02-01')).toBe(3_100);
    expect(between(runs, '2024-02-01', '2024-03-01')).toBe(2_900);
    expect(total(runs)).toBe(36_600);
  });

  it('the rounding remainder lands on the last day of the term', () => {
    // 100000 fen / 366 days = 273 a day (99918), the 82 left on 2024-12-31
    const runs = recogniseOrder({
      billedFen: 100_000,
      billedDay: day('2024-01-01'),
      spans: [span('2024-01-01', '2025-01-01')],
      refunds: [],
    });
    expect(between(runs, '2024-12-30', '2024-12-31')).toBe(273);
    expect(between(runs, '2024-12-31', '2025-01-01')).toBe(273 + 82);
    expect(between(runs, '2024-12-01', '2025-01-01')).toBe(31 * 273 + 82);
    expect(total(runs)).toBe(100_000);
  });

  it('a partial refund mid-term reverses the unrecognised part and spreads the rest over the days left', () => {
    // 181 days served to 2025-07-01 at 100 = 18100; deferred 18400 − 10000 = 8400 over 184 days = 45 a day, 120 on the last
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      spans: [span('2025-01-01', '2026-01-01')],
      refunds: [{ day: day('2025-07-01'), amountFen: 10_000 }],
    });
    expect(between(runs, '2025-01-01', '2025-07-01')).toBe(18_100);
    expect(between(runs, '2025-07-01', '2025-08-01')).toBe(31 * 45);
    expect(between(runs, '2025-12-01', '2026-01-01')).toBe(31 * 45 + 120);
    expect(total(runs)).toBe(36_500 - 10_000);
  });

  it('a full refund that truncates the term recognises what the customer kept on the refund day; earlier months stay as they were', () => {
    const before = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      spans: [span('2025-01-01', '2026-01-01')],
      refunds: [],
    });
    // refund of 20000 (16500 of benefits used) on 2025-04-01: the term now ends then, 90 days served
    const after = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      plannedDays: 365,
      spans: [span('2025-01-01', '2025-04-01')],
      refunds: [{ day: day('2025-04-01'), amountFen: 20_000 }],
    });
    expect(between(after, '2025-03-01', '2025-04-01')).toBe(between(before, '2025-03-01', '2025-04-01'));
    expect(between(after, '2025-01-01', '2025-04-01')).toBe(9_000);
    expect(between(after, '2025-04-01', '2025-05-01')).toBe(36_500 - 9_000 - 20_000);
    expect(total(after)).toBe(16_500);
  });

  it('a refund larger than what is still deferred reverses recognised revenue in the refund month', () => {
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      plannedDays: 365,
      spans: [span('2025-01-01', '2025-04-01')],
      refunds: [{ day: day('2025-04-01'), amountFen: 36_500 }],
    });
    expect(between(runs, '2025-04-01', '2025-05-01')).toBe(-9_000);
    expect(total(runs)).toBe(0);
  });

  it('an early renewal is billed now and recognised only from the end of the current term', () => {
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-10-15'),
      spans: [span('2026-01-01', '2027-01-01')],
      refunds: [],
    });
    expect(between(runs, '2025-10-01', '2026-01-01')).toBe(0);
    expect(between(runs, '2026-01-01', '2026-02-01')).toBe(3_100);
    expect(total(runs)).toBe(36_500);
  });

  it('a tier change splits the fee between the cut term and its CARRY_OVER remainder by their days', () => {
    // ANNUAL bought 2025-01-01, cut on 2025-03-01 by BLACK (a year); the 306 days left resume on 2026-03-01
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      plannedDays: 365,
      spans: [span('2025-01-01', '2025-03-01'), span('2026-03-01', '2027-01-01')],
      refunds: [],
    });
    expect(between(runs, '2025-01-01', '2025-03-01')).toBe(5_900);
    expect(between(runs, '2025-03-01', '2026-03-01')).toBe(0);
    expect(between(runs, '2026-03-01', '2027-01-01')).toBe(30_600);
  });

  it('a cut that leaves one day more than planned still recognises the fee exactly once', () => {
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      plannedDays: 365,
      spans: [span('2025-01-01', '2025-03-02'), span('2026-03-01', '2027-01-01')],
      refunds: [],
    });
    expect(total(runs)).toBe(36_500);
    expect(runs.every((run) => run.perDayFen >= 0)).toBe(true);
  });

  it('a zero-fee term recognises nothing', () => {
    expect(
      recogniseOrder({
        billedFen: 0,
        billedDay: day('2025-01-01'),
        spans: [span('2025-01-01', '2025-02-01')],
        refunds: [],
      }),
    ).toEqual([]);
  });
});

describe('MonthlyRollForward: opening + billed − refunded − recognised = closing', () => {
  const orderArb = fc.record({
    tierId: fc.integer({ min: 1, max: 3 }),
    billedFen: fc.integer({ min: 0, max: 1_000_000 }),
    billedDay: fc.integer({ min: 19_000, max: 19_400 }),
    plannedDays: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    spans: fc.array(fc.record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 0, max: 400 }) }), {
      maxLength: 3,
    }),
    refunds: fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 800 }), amountFen: fc.integer({ min: 1, max: 1_000_000 }) }),
      { maxLength: 3 },
    ),
  });

  it('random ledgers always balance on every row, and each order recognises billed − refunded', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (orders, fromOffset, width) => {
          const roll = new MonthlyRollForward();
          let expectedNet = 0;
          for (const order of orders) {
            let cursor = order.billedDay;
            const spans = order.spans.map((piece) => {
              const fromDay = cursor + piece.start;
              cursor = fromDay + piece.length;
              return { fromDay, toDay: cursor };
            });
            const refunds = order.refunds.map((refund) => ({
              day: order.billedDay + refund.offset,
              amountFen: refund.amountFen,
            }));
            const runs = recogniseOrder({ ...order, spans, refunds });
            const refunded = refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
            expect(total(runs)).toBe(order.billedFen - refunded);
            roll.billed(order.tierId, order.billedDay, order.billedFen);
            for (const refund of refunds) roll.refunded(order.tierId, refund.day, refund.amountFen);
            roll.recognised(order.tierId, runs);
            expectedNet += order.billedFen - refunded - total(runs);
          }
          const from = parseMonthKey('2022-01')! + fromOffset;
          const report = roll.report(from, from + width, (id) => `T${id}`);
          for (const row of report.rows) {
            expect(row.openingDeferredFen + row.billedFen - row.refundedFen - row.recognisedFen).toBe(
              row.closingDeferredFen,
            );
          }
          const t = report.totals;
          expect(t.openingDeferredFen + t.billedFen - t.refundedFen - t.recognisedFen).toBe(t.closingDeferredFen);
          expect(expectedNet).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after every order is fully served and refunds are in, nothing stays deferred', () => {
    const roll = new MonthlyRollForward();
    const runs = recogniseOrder({
      billedFen: 36_500,
      billedDay: day('2025-01-01'),
      spans: [span('2025-01-01', '2026-01-01')],
      refunds: [{ day: day('2025-07-01'), amountFen: 10_000 }],
    });
    roll.billed(1, day('2025-01-01'), 36_500);
    roll.refunded(1, day('2025-07-01'), 10_000);
    roll.recognised(1, runs);
    const report = roll.report(parseMonthKey('2025-01')!, parseMonthKey('2026-01')!, () => '年卡');
    expect(report.rows[0]).toMatchObject({
      month: '2025-01',
      openingDeferredFen: 0,
      billedFen: 36_500,
      recognisedFen: 3_100,
      closingDeferredFen: 33_400,
    });
    expect(report.rows.find((row) => row.month === '2025-07')).toMatchObject({
      refundedFen: 10_000,
      recognisedFen: 31 * 45,
    });
    expect(report.rows[report.rows.length - 1]).toMatchObject({
      month: '2026-01',
      openingDeferredFen: 0,
      closingDeferredFen: 0,
    });
    expect(report.totals).toEqual({
      openingDeferredFen: 0,
      billedFen: 36_500,
      refundedFen: 10_000,
      recognisedFen: 26_500,
      recognisedGoodsFen: 0,
      recognisedServiceFen: 26_500,
      closingDeferredFen: 0,
    });
  });
});
