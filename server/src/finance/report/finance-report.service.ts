import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, FinanceReport } from '@member-commerce/shared';
import { badRequest } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { toDate } from '../ledger.service';
import { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import { recogniseAllocatedOrder } from '../recognition/recognise-allocated-order';
import type { ServedSpan } from '../recognition/recognise-order';
import { parseMonthKey, ShopCalendar } from '../recognition/shop-calendar';
import { streamRows } from '../exports/row-stream';

interface LedgerRow {
  orderId: number;
  kind: string;
  occurredAt: string | Date;
  amountFen: number;
  tierId: number | null;
  serviceDays: number | null;
  goodsFen: number | null;
  /** PAYMENT: the term it bought; null for a gift membership code, whose term exists only once redeemed. */
  termId: number | null;
}

/** Longest range one report answers (months); exports of longer ranges go through export jobs. */
const MAX_MONTHS = 120;

/**
 * The monthly deferred-revenue report. Recognition is computed at report time from the ledger and the terms as
 * they stand (pure functions in ../recognition): nothing is materialised, so a backfill, a refund or a tier change
 * is reflected at once and there is no second copy to keep consistent. Raw rows only, no entity hydration.
 */
@Injectable()
export class FinanceReportService {
  readonly calendar: ShopCalendar;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.calendar = new ShopCalendar(config.shopTimeZone);
  }

  /** Months "YYYY-MM" → indexes, or 400 INVALID_DATE_RANGE. */
  parseMonths(from: string, to: string): { fromMonth: number; toMonth: number } {
    const fromMonth = parseMonthKey(from ?? '');
    const toMonth = parseMonthKey(to ?? '');
    if (fromMonth === null || toMonth === null) throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from and to must be months as YYYY-MM');
    if (fromMonth > toMonth) throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from must not be after to');
    if (toMonth - fromMonth >= MAX_MONTHS) throw badRequest(ErrorCode.INVALID_DATE_RANGE, `At most ${MAX_MONTHS} months at a time`);
    return { fromMonth, toMonth };
  }

  async report(from: string, to: string, tierId?: number): Promise<FinanceReport> {
    const { fromMonth, toMonth } = this.parseMonths(from, to);
    return (await this.rollForward(tierId)).report(fromMonth, toMonth, await this.tierNames());
  }

  async tierNames(): Promise<(tierId: number) => string> {
    const tiers: { id: number; name: string }[] = await this.dataSource.query('SELECT id, name FROM tier');
    const names = new Map(tiers.map((tier) => [Number(tier.id), tier.name]));
    return (tierId) => names.get(tierId) ?? `#${tierId}`;
  }

  /**
   * Every membership order's billing, refunds and recognition, by tier and month. Ledger entries and terms are read
   * as two cursors ordered by order id and merged, so memory holds one order at a time however large the ledger.
   */
  async rollForward(tierId?: number): Promise<MonthlyRollForward> {
    const byTier = tierId === undefined ? '' : ' AND tierId = ?';
    const params = tierId === undefined ? [] : [tierId];
    const entries = streamRows<LedgerRow>(
      this.dataSource,
      `SELECT orderId, kind, occurredAt, amountFen, tierId, serviceDays, goodsFen, termId FROM ledger_entry WHERE orderId IS NOT NULL AND kind IN ('PAYMENT', 'REFUND', 'DELIVERY')${byTier} ORDER BY orderId, id`,
      params,
    );
    const terms = new TermCursor(
      streamRows<TermRow>(
        this.dataSource,
        `SELECT orderId, start, \`end\` FROM membership_term WHERE orderId IN (SELECT orderId FROM ledger_entry WHERE kind = 'PAYMENT'${byTier}) ORDER BY orderId`,
        params,
      ),
    );
    const roll = new MonthlyRollForward();
    let order: LedgerRow[] = [];
    const flush = async () => {
      if (order.length) this.addOrder(roll, order, await terms.spansOf(Number(order[0].orderId), this.calendar));
      order = [];
    };
    for await (const batch of entries) {
      for (const entry of batch) {
        if (order.length && Number(order[0].orderId) !== Number(entry.orderId)) await flush();
        order.push(entry);
      }
    }
    await flush();
    await terms.close();
    return roll;
  }

  private addOrder(roll: MonthlyRollForward, entries: LedgerRow[], spans: ServedSpan[]): void {
    let payment: LedgerRow | undefined;
    let tier: number | null = null;
    let goodsDeliveredDay: number | null = null;
    const refunds: { day: number; amountFen: number }[] = [];
    for (const entry of entries) {
      tier ??= entry.tierId;
      if (entry.kind === 'PAYMENT') payment = entry;
      else if (entry.kind === 'DELIVERY') goodsDeliveredDay ??= this.calendar.dayOf(toDate(entry.occurredAt));
      else refunds.push({ day: this.calendar.dayOf(toDate(entry.occurredAt)), amountFen: -Number(entry.amountFen) });
    }
    const tierKey = Number(tier ?? 0);
    for (const refund of refunds) roll.refunded(tierKey, refund.day, refund.amountFen);
    if (!payment) return; // a refund whose payment is not in the ledger (not backfilled): counted, nothing to recognise
    const billedDay = this.calendar.dayOf(toDate(payment.occurredAt));
    roll.billed(tierKey, billedDay, Number(payment.amountFen));
    // A gift code not redeemed yet serves no day: its fee stays deferred (never recognised silently; an expired,
    // unredeemed code is shown as breakage in GET /api/admin/membership-codes/gifts).
    if (payment.termId === null && !spans.length) return;
    const { goods, service } = recogniseAllocatedOrder({
      billedFen: Number(payment.amountFen), billedDay, plannedDays: payment.serviceDays, spans, refunds, goodsFen: Number(payment.goodsFen ?? 0), goodsDeliveredDay,
    });
    roll.recognised(tierKey, goods, 'goods');
    roll.recognised(tierKey, service, 'service');
  }
}

interface TermRow {
  orderId: number;
  start: string | Date;
  end: string | Date;
}

/** Walks the terms cursor alongside the ledger cursor (both ordered by order id). */
class TermCursor {
  private buffer: TermRow[] = [];
  private index = 0;
  private done = false;

  constructor(private readonly rows: AsyncGenerator<TermRow[]>) {}

  async spansOf(orderId: number, calendar: ShopCalendar): Promise<ServedSpan[]> {
    const spans: ServedSpan[] = [];
    for (;;) {
      if (this.index >= this.buffer.length) {
        if (this.done) return spans;
        const next = await this.rows.next();
        if (next.done) {
          this.done = true;
          return spans;
        }
        this.buffer = next.value;
        this.index = 0;
        continue;
      }
      const term = this.buffer[this.index];
      const id = Number(term.orderId);
      if (id > orderId) return spans;
      if (id === orderId) spans.push({ fromDay: calendar.dayOf(toDate(term.start)), toDay: calendar.dayOf(toDate(term.end)) });
      this.index++;
    }
  }

  async close(): Promise<void> {
    await this.rows.return(undefined);
  }
}
