import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, FinanceReport } from '@member-commerce/shared';
import { badRequest } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { toDate } from '../ledger.service';
import { MonthlyRollForward } from '../recognition/monthly-roll-forward';
import { recogniseOrder, ServedSpan } from '../recognition/recognise-order';
import { parseMonthKey, ShopCalendar } from '../recognition/shop-calendar';

interface LedgerRow {
  orderId: number;
  kind: string;
  occurredAt: string | Date;
  amountFen: number;
  tierId: number | null;
  serviceDays: number | null;
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

  /** Every membership order's billing, refunds and recognition, by tier and month. */
  async rollForward(tierId?: number): Promise<MonthlyRollForward> {
    const byTier = tierId === undefined ? '' : ' AND tierId = ?';
    const params = tierId === undefined ? [] : [tierId];
    const entries: LedgerRow[] = await this.dataSource.query(
      `SELECT orderId, kind, occurredAt, amountFen, tierId, serviceDays FROM ledger_entry WHERE orderId IS NOT NULL AND kind IN ('PAYMENT', 'REFUND')${byTier} ORDER BY orderId, id`,
      params,
    );
    const terms: { orderId: number; start: string | Date; end: string | Date }[] = await this.dataSource.query(
      `SELECT t.orderId AS orderId, t.start AS start, t.\`end\` AS \`end\` FROM membership_term t
        WHERE t.orderId IN (SELECT orderId FROM ledger_entry WHERE kind = 'PAYMENT'${byTier})`,
      params,
    );
    const spans = new Map<number, ServedSpan[]>();
    for (const term of terms) {
      const orderId = Number(term.orderId);
      const list = spans.get(orderId) ?? [];
      list.push({ fromDay: this.calendar.dayOf(toDate(term.start)), toDay: this.calendar.dayOf(toDate(term.end)) });
      spans.set(orderId, list);
    }

    const roll = new MonthlyRollForward();
    for (let i = 0; i < entries.length; ) {
      const orderId = Number(entries[i].orderId);
      let payment: LedgerRow | undefined;
      const refunds: { day: number; amountFen: number }[] = [];
      let tier = entries[i].tierId;
      for (; i < entries.length && Number(entries[i].orderId) === orderId; i++) {
        const entry = entries[i];
        const day = this.calendar.dayOf(toDate(entry.occurredAt));
        tier ??= entry.tierId;
        if (entry.kind === 'PAYMENT') payment = entry;
        else refunds.push({ day, amountFen: -Number(entry.amountFen) });
      }
      const tierKey = Number(tier ?? 0);
      for (const refund of refunds) roll.refunded(tierKey, refund.day, refund.amountFen);
      if (!payment) continue; // a refund without its payment in the ledger (not backfilled): counted, nothing to recognise
      const billedDay = this.calendar.dayOf(toDate(payment.occurredAt));
      roll.billed(tierKey, billedDay, Number(payment.amountFen));
      roll.recognised(tierKey, recogniseOrder({ billedFen: Number(payment.amountFen), billedDay, plannedDays: payment.serviceDays, spans: spans.get(orderId) ?? [], refunds }));
    }
    return roll;
  }
}
