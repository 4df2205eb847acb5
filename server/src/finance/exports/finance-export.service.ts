import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  FinanceExportQuery,
  FinanceReportRow,
  LedgerKind,
  monthOfDay,
  parseIsoDate,
} from '@member-commerce/shared';
import { badRequest } from '../../common/domain-error';
import { toDate } from '../ledger.service';
import { FinanceReportService } from '../report/finance-report.service';
import { streamRows } from './row-stream';
import { ExportColumn, ExportTable } from './table-writers';

interface LedgerExportRow {
  id: number;
  occurredAt: string | Date;
  kind: LedgerKind;
  outTradeNo: string | null;
  orderId: number | null;
  customerId: number;
  tierId: number | null;
  termId: number | null;
  amountFen: number;
  channelTransactionId: string | null;
}

const KIND_LABELS: Record<LedgerKind, string> = {
  PAYMENT: '会费收款',
  REFUND: '会费退款',
  GRANT: '赠送会员期',
  DELIVERY: '开卡礼发货',
};

/** A validated export request: local days [fromDay, toDay] inclusive. */
export interface ExportRequest extends Required<Omit<FinanceExportQuery, 'tierId'>> {
  tierId?: number;
  fromDay: number;
  toDay: number;
}

/** Longest range of one export, in days. */
const MAX_EXPORT_DAYS = 3660;

/** Builds the finance export tables (ledger lines or the monthly report) as streams of raw rows. */
@Injectable()
export class FinanceExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: FinanceReportService,
  ) {}

  /** Checks the query (real dates, from ≤ to) or answers 400 INVALID_DATE_RANGE. */
  validate(query: FinanceExportQuery): ExportRequest {
    const fromDay = parseIsoDate(query.from ?? '');
    const toDay = parseIsoDate(query.to ?? '');
    if (fromDay === null || toDay === null)
      throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from and to must be dates as YYYY-MM-DD');
    if (fromDay > toDay) throw badRequest(ErrorCode.INVALID_DATE_RANGE, 'from must not be after to');
    if (toDay - fromDay >= MAX_EXPORT_DAYS)
      throw badRequest(ErrorCode.INVALID_DATE_RANGE, `At most ${MAX_EXPORT_DAYS} days at a time`);
    return {
      from: query.from,
      to: query.to,
      format: query.format ?? 'csv',
      report: query.report ?? 'ledger',
      tierId: query.tierId,
      fromDay,
      toDay,
    };
  }

  fileName(request: ExportRequest): string {
    const kind = request.report === 'monthly' ? 'monthly-report' : 'ledger';
    return `finance-${kind}-${request.from}-${request.to}${request.tierId ? `-tier${request.tierId}` : ''}.${request.format}`;
  }

  /** How many rows the export will have (progress denominator). */
  async countRows(request: ExportRequest): Promise<number> {
    if (request.report === 'monthly') return 0;
    const { where, params } = this.ledgerWhere(request);
    const [row]: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM ledger_entry WHERE ${where}`,
      params,
    );
    return Number(row.n);
  }

  async table(request: ExportRequest): Promise<ExportTable<unknown>> {
    return (request.report === 'monthly' ? this.monthlyTable(request) : this.ledgerTable(request)) as Promise<
      ExportTable<unknown>
    >;
  }

  /**
   * MariaDB picks a filesort for `ORDER BY occurredAt, id` over a wide range, holding back the first row for seconds
   * at 1M rows; the (occurredAt) index — InnoDB appends the id — already gives that order. SQLite walks the index unasked.
   */
  private ledgerIndexHint(request: ExportRequest): string {
    if (this.dataSource.options.type === 'better-sqlite3') return '';
    return request.tierId === undefined
      ? 'FORCE INDEX (IDX_ledger_entry_occurredAt)'
      : 'FORCE INDEX (IDX_ledger_entry_tier_occurredAt)';
  }

  private ledgerWhere(request: ExportRequest): { where: string; params: unknown[] } {
    const calendar = this.reports.calendar;
    const params: unknown[] = [calendar.startOfDay(request.fromDay), calendar.startOfDay(request.toDay + 1)];
    let where = 'occurredAt >= ? AND occurredAt < ?';
    if (request.tierId !== undefined) {
      where += ' AND tierId = ?';
      params.push(request.tierId);
    }
    // SQLite stores datetimes as "YYYY-MM-DD HH:mm:ss.SSS" text: compare with the same text.
    if (this.dataSource.options.type === 'better-sqlite3') {
      params[0] = (params[0] as Date).toISOString().replace('T', ' ').replace('Z', '');
      params[1] = (params[1] as Date).toISOString().replace('T', ' ').replace('Z', '');
    }
    return { where, params };
  }

  private async ledgerTable(request: ExportRequest): Promise<ExportTable<LedgerExportRow>> {
    const calendar = this.reports.calendar;
    const tierName = await this.reports.tierNames();
    const { where, params } = this.ledgerWhere(request);
    const sql = `SELECT id, occurredAt, kind, outTradeNo, orderId, customerId, tierId, termId, amountFen, channelTransactionId
                   FROM ledger_entry ${this.ledgerIndexHint(request)} WHERE ${where} ORDER BY occurredAt, id`;
    const columns: ExportColumn<LedgerExportRow>[] = [
      { header: '记账时间', kind: 'code', value: (row) => calendar.wallClock(toDate(row.occurredAt)) },
      { header: '类型', kind: 'code', width: 12, value: (row) => KIND_LABELS[row.kind] ?? row.kind },
      { header: '商户订单号', kind: 'code', width: 26, value: (row) => row.outTradeNo },
      { header: '订单ID', kind: 'int', value: (row) => row.orderId },
      { header: '客户ID', kind: 'int', value: (row) => row.customerId },
      { header: '会员卡', kind: 'text', value: (row) => (row.tierId === null ? null : tierName(Number(row.tierId))) },
      { header: '会员卡ID', kind: 'int', value: (row) => row.tierId },
      { header: '会员期ID', kind: 'int', value: (row) => row.termId },
      { header: '金额（元）', kind: 'yuan', value: (row) => row.amountFen },
      { header: '金额（分）', kind: 'fen', value: (row) => row.amountFen },
      { header: '微信支付/退款单号', kind: 'code', width: 34, value: (row) => row.channelTransactionId },
    ];
    return { sheetName: '会费流水', columns, rows: streamRows<LedgerExportRow>(this.dataSource, sql, params) };
  }

  private async monthlyTable(request: ExportRequest): Promise<ExportTable<FinanceReportRow>> {
    const report = (await this.reports.rollForward(request.tierId)).report(
      monthOfDay(request.fromDay),
      monthOfDay(request.toDay),
      await this.reports.tierNames(),
    );
    const figure = (
      header: string,
      key: keyof FinanceReportRow,
      kind: 'yuan' | 'fen',
    ): ExportColumn<FinanceReportRow> => ({
      header: `${header}（${kind === 'yuan' ? '元' : '分'}）`,
      kind,
      value: (row) => row[key] as number,
    });
    const figures: [string, keyof FinanceReportRow][] = [
      ['期初递延收入', 'openingDeferredFen'],
      ['本期收款', 'billedFen'],
      ['本期退款', 'refundedFen'],
      ['本期确认收入', 'recognisedFen'],
      ['其中：礼包商品', 'recognisedGoodsFen'],
      ['其中：会员服务', 'recognisedServiceFen'],
      ['期末递延收入', 'closingDeferredFen'],
    ];
    const columns: ExportColumn<FinanceReportRow>[] = [
      { header: '月份', kind: 'code', width: 10, value: (row) => row.month },
      { header: '会员卡', kind: 'text', value: (row) => row.tierName },
      { header: '会员卡ID', kind: 'int', value: (row) => (row.tierId ? row.tierId : null) },
      ...figures.map(([header, key]) => figure(header, key, 'yuan')),
      ...figures.map(([header, key]) => figure(header, key, 'fen')),
    ];
    async function* rows() {
      yield report.rows;
    }
    return {
      sheetName: '月度收入确认',
      columns,
      rows: rows(),
      totals: () => ({ month: '合计', tierId: 0, tierName: '', ...report.totals }),
    };
  }
}
