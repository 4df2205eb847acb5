import { DataSource, EntityManager } from 'typeorm';
import { toDate } from '../ledger.service';
import { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import type { ServedSpan } from '../recognition/recognise-order';
import { ShopCalendar } from '@member-commerce/shared';
import { addOrderToRoll, REPORT_LEDGER_KINDS_SQL, ReportLedgerRow } from './add-order';

/** [tierId, month index, billed, refunded, recognised goods, recognised service] in fen. */
export type MonthFigures = [number, number, number, number, number, number];

/** Customers recomputed per transaction (their whole membership history each). */
const CUSTOMERS_PER_DRAIN = 200;
const IN_CHUNK = 500;

export type RunInTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/**
 * Per-(tier, month) revenue figures kept exact with the ledger and the terms (docs/finance.md "Materialised"):
 * - `revenue_customer` holds each customer's contribution (every (tier, month) their orders move), computed with
 *   the same pure functions as the report from the ledger (addOrderToRoll);
 * - `revenue_month` holds their sums, which the report reads;
 * - writers queue the customer in `revenue_dirty` (markRevenueDirty); `drain` recomputes queued customers and applies
 *   the difference to `revenue_month`, under the `revenue_lock` row so two drains never apply one difference twice.
 * Figures never depend on when they were computed: recognition runs over the whole term whatever today is.
 */
export class RevenueMaterialisation {
  private readonly calendar: ShopCalendar;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
    private readonly transaction: RunInTransaction,
  ) {
    this.calendar = new ShopCalendar(timeZone);
  }

  /** For a command or spec beside the app: its own transactions (MariaDB reads committed data, as the app does). */
  static outsideTheApp(dataSource: DataSource, timeZone: string): RevenueMaterialisation {
    const isMysql = dataSource.options.type === 'mysql';
    return new RevenueMaterialisation(dataSource, timeZone, (work) =>
      isMysql ? dataSource.transaction('READ COMMITTED', work) : dataSource.transaction(work),
    );
  }

  /** The roll-forward over the materialised sums, after recomputing every queued customer. */
  async rollForward(tierId?: number): Promise<MonthlyRollForward> {
    await this.drain();
    const rows: {
      tierId: number;
      month: number;
      billedFen: number;
      refundedFen: number;
      recognisedGoodsFen: number;
      recognisedServiceFen: number;
    }[] = await this.dataSource.query(
      `SELECT tierId, month, billedFen, refundedFen, recognisedGoodsFen, recognisedServiceFen FROM revenue_month${tierId === undefined ? '' : ' WHERE tierId = ?'}`,
      tierId === undefined ? [] : [tierId],
    );
    const roll = new MonthlyRollForward();
    for (const row of rows) {
      roll.add(Number(row.tierId), Number(row.month), {
        billedFen: Number(row.billedFen),
        refundedFen: Number(row.refundedFen),
        recognisedGoodsFen: Number(row.recognisedGoodsFen),
        recognisedServiceFen: Number(row.recognisedServiceFen),
      });
    }
    return roll;
  }

  /** Recomputes queued customers, a batch per transaction, until the queue is empty; returns how many. */
  async drain(): Promise<number> {
    let done = 0;
    for (;;) {
      const customers = await this.transaction((manager) => this.drainBatch(manager));
      if (customers === 0) return done;
      done += customers;
    }
  }

  /** Empties the figures and queues every customer with ledger entries on orders, then drains (idempotent). */
  async rebuild(): Promise<number> {
    await this.transaction(async (manager) => {
      await this.lock(manager);
      await manager.query('DELETE FROM revenue_customer');
      await manager.query('DELETE FROM revenue_month');
      await manager.query(
        'INSERT INTO revenue_dirty (customerId) SELECT DISTINCT customerId FROM ledger_entry WHERE orderId IS NOT NULL',
      );
    });
    return this.drain();
  }

  private async lock(manager: EntityManager): Promise<void> {
    // A write first: the row lock (MariaDB) or the write lock (SQLite) is held before anything is read.
    await manager.query('UPDATE revenue_lock SET drains = drains + 1 WHERE id = 1');
  }

  private async drainBatch(manager: EntityManager): Promise<number> {
    await this.lock(manager);
    const queued: { id: number; customerId: number }[] = await manager.query(
      `SELECT id, customerId FROM revenue_dirty ORDER BY id LIMIT ${CUSTOMERS_PER_DRAIN * 4}`,
    );
    if (!queued.length) return 0;
    const customers = [...new Set(queued.map((row) => Number(row.customerId)))].slice(0, CUSTOMERS_PER_DRAIN);
    const taken = new Set(customers);
    // Only the queue rows read here: one committed meanwhile stays for the next drain.
    const ids = queued.filter((row) => taken.has(Number(row.customerId))).map((row) => Number(row.id));

    const fresh = await this.contributions(manager, customers);
    const previous = new Map<number, MonthFigures[]>();
    for (const part of chunks(customers)) {
      const rows: { customerId: number; figures: string }[] = await manager.query(
        `SELECT customerId, figures FROM revenue_customer WHERE customerId IN (${marks(part)})`,
        part,
      );
      for (const row of rows) previous.set(Number(row.customerId), JSON.parse(row.figures) as MonthFigures[]);
    }
    await this.applyDifference(manager, customers, previous, fresh);

    for (const part of chunks(customers))
      await manager.query(`DELETE FROM revenue_customer WHERE customerId IN (${marks(part)})`, part);
    const stored = customers.filter((customerId) => fresh.get(customerId)?.length);
    for (const part of chunks(stored)) {
      await manager.query(
        `INSERT INTO revenue_customer (customerId, figures) VALUES ${part.map(() => '(?, ?)').join(', ')}`,
        part.flatMap((customerId) => [customerId, JSON.stringify(fresh.get(customerId))]),
      );
    }
    for (const part of chunks(ids)) await manager.query(`DELETE FROM revenue_dirty WHERE id IN (${marks(part)})`, part);
    return customers.length;
  }

  /** Each customer's (tier, month) figures, from their ledger entries on orders and those orders' terms. */
  private async contributions(manager: EntityManager, customers: number[]): Promise<Map<number, MonthFigures[]>> {
    const entries: (ReportLedgerRow & { customerId: number })[] = [];
    for (const part of chunks(customers)) {
      entries.push(
        ...(await manager.query(
          `SELECT orderId, customerId, kind, occurredAt, amountFen, tierId, serviceDays, goodsFen, termId FROM ledger_entry
            WHERE customerId IN (${marks(part)}) AND orderId IS NOT NULL AND kind IN (${REPORT_LEDGER_KINDS_SQL}) ORDER BY orderId, id`,
          part,
        )),
      );
    }
    const orderIds = [...new Set(entries.map((entry) => Number(entry.orderId)))];
    const spans = new Map<number, ServedSpan[]>();
    for (const part of chunks(orderIds)) {
      const terms: { orderId: number; start: string | Date; end: string | Date }[] = await manager.query(
        `SELECT orderId, start, \`end\` FROM membership_term WHERE orderId IN (${marks(part)})`,
        part,
      );
      for (const term of terms) {
        const list = spans.get(Number(term.orderId)) ?? [];
        list.push({ fromDay: this.calendar.dayOf(toDate(term.start)), toDay: this.calendar.dayOf(toDate(term.end)) });
        spans.set(Number(term.orderId), list);
      }
    }
    const byOrder = new Map<number, (ReportLedgerRow & { customerId: number })[]>();
    for (const entry of entries) {
      const list = byOrder.get(Number(entry.orderId)) ?? [];
      list.push(entry);
      byOrder.set(Number(entry.orderId), list);
    }
    const rolls = new Map<number, MonthlyRollForward>();
    for (const [orderId, own] of byOrder) {
      const customerId = Number(own[0].customerId);
      let roll = rolls.get(customerId);
      if (!roll) rolls.set(customerId, (roll = new MonthlyRollForward()));
      addOrderToRoll(roll, own, spans.get(orderId) ?? [], this.calendar);
    }
    const figures = new Map<number, MonthFigures[]>();
    for (const [customerId, roll] of rolls) figures.set(customerId, figuresOf(roll));
    return figures;
  }

  /** revenue_month += fresh − previous, for every (tier, month) either touches. */
  private async applyDifference(
    manager: EntityManager,
    customers: number[],
    previous: Map<number, MonthFigures[]>,
    fresh: Map<number, MonthFigures[]>,
  ): Promise<void> {
    const changed = monthDifference(customers.map((customerId) => [previous.get(customerId), fresh.get(customerId)]));
    if (!changed.length) return;
    const current: {
      tierId: number;
      month: number;
      billedFen: number;
      refundedFen: number;
      recognisedGoodsFen: number;
      recognisedServiceFen: number;
    }[] = await manager.query(
      'SELECT tierId, month, billedFen, refundedFen, recognisedGoodsFen, recognisedServiceFen FROM revenue_month',
    );
    const now = new Map(
      current.map((row) => [
        `${row.tierId}:${row.month}`,
        [
          Number(row.billedFen),
          Number(row.refundedFen),
          Number(row.recognisedGoodsFen),
          Number(row.recognisedServiceFen),
        ],
      ]),
    );
    const values = changed.map(([tierId, month, ...fen]) => {
      const before = now.get(`${tierId}:${month}`) ?? [0, 0, 0, 0];
      return [tierId, month, ...fen.map((value, i) => before[i] + value)];
    });
    for (const part of chunks(values)) {
      await manager.query(
        `REPLACE INTO revenue_month (tierId, month, billedFen, refundedFen, recognisedGoodsFen, recognisedServiceFen) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flat(),
      );
    }
  }
}

/** A customer's contribution: the (tier, month) figures their orders move, zero months left out. */
export function figuresOf(roll: MonthlyRollForward): MonthFigures[] {
  return roll
    .movements()
    .filter((m) => m.billedFen || m.refundedFen || m.recognisedGoodsFen || m.recognisedServiceFen)
    .map((m) => [m.tierId, m.month, m.billedFen, m.refundedFen, m.recognisedGoodsFen, m.recognisedServiceFen]);
}

/** Σ (fresh − previous) per (tier, month) over the given customers' [previous, fresh] figures; unchanged months left out. */
export function monthDifference(changes: [MonthFigures[] | undefined, MonthFigures[] | undefined][]): MonthFigures[] {
  const difference = new Map<string, MonthFigures>();
  const add = (rows: MonthFigures[] | undefined, sign: 1 | -1) => {
    for (const [tierId, month, ...fen] of rows ?? []) {
      const key = `${tierId}:${month}`;
      const sum = difference.get(key) ?? [tierId, month, 0, 0, 0, 0];
      for (let i = 0; i < 4; i++) sum[i + 2] += sign * fen[i];
      difference.set(key, sum);
    }
  };
  for (const [previous, fresh] of changes) {
    add(previous, -1);
    add(fresh, 1);
  }
  return [...difference.values()].filter((row) => row[2] || row[3] || row[4] || row[5]);
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

const marks = (items: unknown[]): string => items.map(() => '?').join(', ');
