import fc from 'fast-check';
import { allocateFee } from './allocate-fee';
import { MonthlyRollForward } from './monthly-roll-forward';
import { recogniseAllocatedOrder } from './recognise-allocated-order';
import { RecognitionRun } from './recognise-order';
import { dayOfIsoDate, parseMonthKey } from '@member-commerce/shared';

const day = dayOfIsoDate;
const span = (from: string, to: string) => ({ fromDay: day(from), toDay: day(to) });
const total = (runs: RecognitionRun[]) => runs.reduce((sum, run) => sum + (run.toDay - run.fromDay) * run.perDayFen, 0);
const between = (runs: RecognitionRun[], from: string, to: string) =>
  runs.reduce(
    (sum, run) => sum + Math.max(0, Math.min(run.toDay, day(to)) - Math.max(run.fromDay, day(from))) * run.perDayFen,
    0,
  );

describe('allocateFee: the fee split by standalone selling prices (IFRS 15 / CAS 14)', () => {
  it('fee 1000, pack SSP 1500, service SSP 600 → pack 714.29, service 285.71', () => {
    expect(allocateFee(100_000, 150_000, 60_000)).toEqual({ goodsFen: 71_429, serviceFen: 28_571 });
  });

  it('without both standalone prices the whole fee is service', () => {
    expect(allocateFee(100_000, null, 60_000)).toEqual({ goodsFen: 0, serviceFen: 100_000 });
    expect(allocateFee(100_000, 150_000, null)).toEqual({ goodsFen: 0, serviceFen: 100_000 });
    expect(allocateFee(0, 150_000, 60_000)).toEqual({ goodsFen: 0, serviceFen: 0 });
  });

  it('stays exact for the largest prices staff may enter', () => {
    expect(allocateFee(100_000_000, 100_000_000, 50_000_000)).toEqual({ goodsFen: 66_666_667, serviceFen: 33_333_333 });
  });

  it('the two shares always sum to the fee and goods never exceed it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (fee, pack, service) => {
          const { goodsFen, serviceFen } = allocateFee(fee, pack, service);
          expect(goodsFen + serviceFen).toBe(fee);
          expect(goodsFen).toBeGreaterThanOrEqual(0);
          expect(goodsFen).toBeLessThanOrEqual(fee);
          expect(Math.abs(goodsFen - (fee * pack) / (pack + service))).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });
});

describe('recogniseAllocatedOrder: the pack on shipment, the service straight-line', () => {
  const year = {
    billedFen: 100_000,
    billedDay: day('2025-01-01'),
    plannedDays: 365,
    spans: [span('2025-01-01', '2026-01-01')],
  };

  it('the pack share is recognised on the day it ships, the service share over the 12 months', () => {
    const { goods, service } = recogniseAllocatedOrder({
      ...year,
      refunds: [],
      goodsFen: 71_429,
      goodsDeliveredDay: day('2025-01-03'),
    });
    expect(goods).toEqual([{ fromDay: day('2025-01-03'), toDay: day('2025-01-04'), perDayFen: 71_429 }]);
    expect(total(service)).toBe(28_571);
    expect(between(service, '2025-01-01', '2025-02-01')).toBe(31 * Math.floor(28_571 / 365));
  });

  it('an unshipped pack stays deferred', () => {
    const { goods, service } = recogniseAllocatedOrder({
      ...year,
      refunds: [],
      goodsFen: 71_429,
      goodsDeliveredDay: null,
    });
    expect(goods).toEqual([]);
    expect(total(service)).toBe(28_571);
  });

  it('a refund before shipment reverses the deferred pack share first', () => {
    const { goods, service } = recogniseAllocatedOrder({
      ...year,
      refunds: [{ day: day('2025-02-01'), amountFen: 80_000 }],
      goodsFen: 71_429,
      goodsDeliveredDay: null,
    });
    expect(goods).toEqual([]);
    // 8571 of the refund came from the service: its deferred rest is spread over the days left
    expect(total(service)).toBe(28_571 - 8_571);
    expect(between(service, '2025-01-01', '2025-02-01')).toBe(31 * 78);
  });

  it('a full refund after shipment reverses the service first, then the shipped pack on the refund day', () => {
    const { goods, service } = recogniseAllocatedOrder({
      ...year,
      spans: [span('2025-01-01', '2025-03-01')],
      refunds: [{ day: day('2025-03-01'), amountFen: 100_000 }],
      goodsFen: 71_429,
      goodsDeliveredDay: day('2025-01-03'),
    });
    expect(total(service)).toBe(0);
    expect(between(goods, '2025-01-01', '2025-02-01')).toBe(71_429);
    expect(between(goods, '2025-03-01', '2025-04-01')).toBe(-71_429);
  });
});

describe('MonthlyRollForward with allocated fees: every row still balances to the fen', () => {
  const orderArb = fc.record({
    tierId: fc.integer({ min: 1, max: 3 }),
    billedFen: fc.integer({ min: 0, max: 1_000_000 }),
    billedDay: fc.integer({ min: 19_000, max: 19_400 }),
    plannedDays: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
    spans: fc.array(fc.record({ start: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 0, max: 400 }) }), {
      maxLength: 3,
    }),
    refunds: fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 800 }), amountFen: fc.integer({ min: 1, max: 400_000 }) }),
      { maxLength: 3 },
    ),
    packSsp: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }),
    serviceSsp: fc.integer({ min: 1, max: 500_000 }),
    shippedAfter: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
  });

  it('random allocated ledgers balance per row; goods + service = recognised; only an unshipped pack stays deferred', () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (orders, fromOffset, width) => {
          const roll = new MonthlyRollForward();
          let expectedDeferred = 0;
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
            const { goodsFen } = allocateFee(order.billedFen, order.packSsp, order.serviceSsp);
            const goodsDeliveredDay = order.shippedAfter === null ? null : order.billedDay + order.shippedAfter;
            const { goods, service } = recogniseAllocatedOrder({
              ...order,
              spans,
              refunds,
              goodsFen,
              goodsDeliveredDay,
            });
            const refunded = refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
            const left = order.billedFen - refunded - total(goods) - total(service);
            if (goodsDeliveredDay !== null) expect(left).toBe(0);
            else expect(left).toBe(Math.max(0, goodsFen - refunded));
            roll.billed(order.tierId, order.billedDay, order.billedFen);
            for (const refund of refunds) roll.refunded(order.tierId, refund.day, refund.amountFen);
            roll.recognised(order.tierId, goods, 'goods');
            roll.recognised(order.tierId, service, 'service');
            expectedDeferred += left;
          }
          const from = parseMonthKey('2022-01')! + fromOffset;
          const report = roll.report(from, from + width, (id) => `T${id}`);
          for (const row of report.rows) {
            expect(row.openingDeferredFen + row.billedFen - row.refundedFen - row.recognisedFen).toBe(
              row.closingDeferredFen,
            );
            expect(row.recognisedGoodsFen + row.recognisedServiceFen).toBe(row.recognisedFen);
          }
          const t = report.totals;
          expect(t.openingDeferredFen + t.billedFen - t.refundedFen - t.recognisedFen).toBe(t.closingDeferredFen);
          expect(t.recognisedGoodsFen + t.recognisedServiceFen).toBe(t.recognisedFen);
          const late = roll.report(parseMonthKey('2030-01')!, parseMonthKey('2030-01')!, (id) => `T${id}`);
          expect(late.totals.closingDeferredFen).toBe(expectedDeferred);
        },
      ),
      { numRuns: 300 },
    );
  });
});
