import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, FinanceReport, parseMonthKey, ShopCalendar } from '@member-commerce/shared';
import { badRequest } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { toDate } from '../ledger.service';
import { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import type { ServedSpan } from '../recognition/recognise-order';
import { streamRows } from '../exports/row-stream';
import { addOrderToRoll, REPORT_LEDGER_KINDS_SQL, ReportLedgerRow } from './add-order';
import { RevenueMaterialisation } from './revenue-materialisation';

/** Longest range one report answers (months); exports of longer ranges go through export jobs. */
const MAX_MONTHS = 120;

/**
 * The monthly deferred-revenue report. It reads the per-(tier, month) figures materialised by RevenueMaterialisation
 * (brought up to date with every ledger and term write first); `rollForwardFromLedger` computes the same figures
 * from the whole ledger and the terms as they stand, the reference the materialisation is tested against.
 */
@Injectable()
export class FinanceReportService {
  readonly calendar: ShopCalendar;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly materialised: RevenueMaterialisation,
  ) {
    this.calendar = new ShopCalendar(config.shopTimeZone);
  }

  /** Months "YYYY-MM" → indexes, or 400 INVALID_DATE_RANGE. */
  parseMonths(from: string, to: string): { fromMonth: number; toMonth: number } {
    const fromMonth = parseMonthKey(from ?? '');
    const toMonth = parseMonthKey(to ?? '');
    if (fromMonth === null || toMonth === null)
      throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from and to must be months as YYYY-MM');
    if (fromMonth > toMonth) throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from must not be after to');
    if (toMonth - fromMonth >= MAX_MONTHS)
      throw badRequest(ErrorCode.INVALID_DATE_RANGE, `At most ${MAX_MONTHS} months at a time`);
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

  /** Every membership order's billing, refunds and recognition, by tier and month, from the materialised figures. */
  rollForward(tierId?: number): Promise<MonthlyRollForward> {
    return this.materialised.rollForward(tierId);
  }

  /**
   * The same figures computed from the whole ledger (the reference; seconds per million entries). Ledger entries and
   * terms are read as two cursors ordered by order id and merged, so memory holds one order at a time.
   */
  async rollForwardFromLedger(tierId?: number): Promise<MonthlyRollForward> {
    const byTier = tierId === undefined ? '' : ' AND tierId = ?';
    const params = tierId === undefined ? [] : [tierId];
    const entries = streamRows<ReportLedgerRow>(
      this.dataSource,
      `SELECT orderId, kind, occurredAt, amountFen, tierId, serviceDays, goodsFen, termId FROM ledger_entry WHERE orderId IS NOT NULL AND kind IN (${REPORT_LEDGER_KINDS_SQL})${byTier} ORDER BY orderId, id`,
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
    let order: ReportLedgerRow[] = [];
    const flush = async () => {
      if (order.length)
        addOrderToRoll(roll, order, await terms.spansOf(Number(order[0].orderId), this.calendar), this.calendar);
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
}

export interface TermRow {
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
      if (id === orderId)
        spans.push({ fromDay: calendar.dayOf(toDate(term.start)), toDay: calendar.dayOf(toDate(term.end)) });
      this.index++;
    }
  }

  async close(): Promise<void> {
    await this.rows.return(undefined);
  }
}
