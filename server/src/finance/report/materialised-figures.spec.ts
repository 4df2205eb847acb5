import fc from 'fast-check';
import { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import type { ServedSpan } from '../recognition/recognise-order';
import { parseMonthKey, ShopCalendar } from '@member-commerce/shared';
import { addOrderToRoll, ReportLedgerRow } from './add-order';
import { figuresOf, MonthFigures, monthDifference } from './revenue-materialisation';

const calendar = new ShopCalendar('Asia/Shanghai');
const DAY_MS = 86_400_000;
const BASE = Date.UTC(2022, 0, 1, 2);

type Row = ReportLedgerRow & { customerId: number; id: number };

/** Orders of random customers: a payment (some allocated to a pack), refunds, a delivery; written in random turns. */
const ledgerArb = fc.array(
  fc.record({
    customerId: fc.integer({ min: 1, max: 6 }),
    tierId: fc.integer({ min: 1, max: 3 }),
    paidDay: fc.integer({ min: 0, max: 500 }),
    feeFen: fc.integer({ min: 0, max: 500_000 }),
    goodsShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    serviceDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
    spans: fc.array(fc.record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 0, max: 400 }) }), {
      maxLength: 2,
    }),
    refunds: fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 600 }), amountFen: fc.integer({ min: 1, max: 500_000 }) }),
      { maxLength: 2 },
    ),
    deliveredAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    withPayment: fc.boolean(),
  }),
  { maxLength: 20 },
);

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function ledgerOf(orders: ValueOf<typeof ledgerArb>): { rows: Row[]; spans: Map<number, ServedSpan[]> } {
  const rows: Row[] = [];
  const spans = new Map<number, ServedSpan[]>();
  const at = (day: number) => new Date(BASE + day * DAY_MS);
  orders.forEach((order, index) => {
    const orderId = 100 + index;
    const base = {
      orderId,
      customerId: order.customerId,
      tierId: order.tierId,
      serviceDays: null,
      goodsFen: null,
      termId: orderId,
    };
    if (order.withPayment || !order.refunds.length) {
      const goodsFen = order.goodsShare === null ? null : Math.floor((order.feeFen * order.goodsShare) / 100);
      rows.push({
        ...base,
        id: 0,
        kind: 'PAYMENT',
        occurredAt: at(order.paidDay),
        amountFen: order.feeFen,
        serviceDays: order.serviceDays,
        goodsFen,
      });
    }
    for (const refund of order.refunds)
      rows.push({
        ...base,
        id: 0,
        kind: 'REFUND',
        occurredAt: at(order.paidDay + refund.offset),
        amountFen: -refund.amountFen,
      });
    if (order.deliveredAfter !== null)
      rows.push({
        ...base,
        id: 0,
        kind: 'DELIVERY',
        occurredAt: at(order.paidDay + order.deliveredAfter),
        amountFen: 0,
      });
    let cursor = calendar.dayOf(at(order.paidDay));
    spans.set(
      orderId,
      order.spans.map((piece) => ({ fromDay: (cursor += piece.start), toDay: (cursor += piece.length) })),
    );
  });
  return { rows, spans };
}

/** The reference: the whole ledger in order id order, each order fed once (FinanceReportService.rollForwardFromLedger). */
function reference(rows: Row[], spans: Map<number, ServedSpan[]>): MonthlyRollForward {
  const roll = new MonthlyRollForward();
  const orderIds = [...new Set(rows.map((row) => row.orderId))].sort((a, b) => a - b);
  for (const orderId of orderIds)
    addOrderToRoll(
      roll,
      rows.filter((row) => row.orderId === orderId).sort((a, b) => a.id - b.id),
      spans.get(orderId) ?? [],
      calendar,
    );
  return roll;
}

/** One customer's figures from the entries written so far (RevenueMaterialisation.contributions). */
function customerFigures(rows: Row[], spans: Map<number, ServedSpan[]>, customerId: number): MonthFigures[] {
  return figuresOf(
    reference(
      rows.filter((row) => row.customerId === customerId),
      spans,
    ),
  );
}

describe('materialised report figures equal the report computed from the whole ledger', () => {
  it('entries written one at a time, each recomputing its customer and applying the difference, sum to the reference to the fen', () => {
    fc.assert(
      fc.property(
        ledgerArb,
        fc.infiniteStream(fc.nat()),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (orders, picks, fromOffset, width) => {
          const { rows, spans } = ledgerOf(orders);
          // Written in a random interleaving; ids in write order, as the ledger's auto-increment gives them.
          const pending = [...rows];
          const written: Row[] = [];
          const customers = new Map<number, MonthFigures[]>();
          const months = new Map<string, MonthFigures>();
          const iterator = picks[Symbol.iterator]();
          while (pending.length) {
            const [row] = pending.splice(iterator.next().value % pending.length, 1);
            written.push({ ...row, id: written.length + 1 });
            const fresh = customerFigures(written, spans, row.customerId);
            for (const [tierId, month, ...fen] of monthDifference([[customers.get(row.customerId), fresh]])) {
              const sum = months.get(`${tierId}:${month}`) ?? [tierId, month, 0, 0, 0, 0];
              fen.forEach((value, i) => (sum[i + 2] += value));
              months.set(`${tierId}:${month}`, sum);
            }
            customers.set(row.customerId, fresh);
          }
          const materialised = new MonthlyRollForward();
          for (const [
            tierId,
            month,
            billedFen,
            refundedFen,
            recognisedGoodsFen,
            recognisedServiceFen,
          ] of months.values()) {
            materialised.add(tierId, month, { billedFen, refundedFen, recognisedGoodsFen, recognisedServiceFen });
          }
          const from = parseMonthKey('2022-01')! + fromOffset;
          const name = (id: number) => `T${id}`;
          expect(materialised.report(from, from + width, name)).toEqual(
            reference(written, spans).report(from, from + width, name),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
