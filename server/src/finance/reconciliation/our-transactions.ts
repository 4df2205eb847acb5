import { DataSource } from 'typeorm';
import type { TradeBillRow } from '../../wechat/pay/trade-bill';
import type { OurPayment, OurRefund } from './reconcile';

type Time = string | Date;
const CHUNK = 500;

/** SQLite keeps datetimes as "YYYY-MM-DD HH:mm:ss.SSS" UTC text: compare with the same text there. */
const sqlTime = (dataSource: DataSource, at: Date): Date | string =>
  dataSource.options.type === 'better-sqlite3' ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
const toTime = (value: Time | null): number | null =>
  value === null ? null : value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);

/**
 * Our side of a reconciliation, read with raw SQL (finance sits downstream of payments and must not import it):
 * payments that succeeded and refunds WeChat accepted within [from, to), plus any the bill names from other days.
 */
export async function ourTransactions(
  dataSource: DataSource,
  from: Date,
  to: Date,
  bill: readonly TradeBillRow[],
): Promise<{ payments: OurPayment[]; refunds: OurRefund[] }> {
  const range = [sqlTime(dataSource, from), sqlTime(dataSource, to)];
  const within = (at: Time | null) => {
    const ms = toTime(at);
    return ms !== null && ms >= from.getTime() && ms < to.getTime();
  };
  const paymentSql = 'SELECT outTradeNo, transactionId, amountFen, paidFen, status, succeededAt FROM payment WHERE';
  const paymentRows: PaymentRow[] = await dataSource.query(`${paymentSql} succeededAt >= ? AND succeededAt < ?`, range);
  const namedTrades = [
    ...new Set(bill.filter((row) => row.tradeState !== 'REFUND').map((row) => row.outTradeNo)),
  ].filter((no) => !paymentRows.some((row) => row.outTradeNo === no));
  for (let i = 0; i < namedTrades.length; i += CHUNK) {
    const chunk = namedTrades.slice(i, i + CHUNK);
    paymentRows.push(
      ...((await dataSource.query(
        `${paymentSql} outTradeNo IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      )) as PaymentRow[]),
    );
  }
  const refundSql =
    'SELECT r.outRefundNo AS outRefundNo, r.refundId AS refundId, r.amountFen AS amountFen, r.status AS status, r.createdAt AS createdAt, o.outTradeNo AS outTradeNo FROM refund r JOIN customer_order o ON o.id = r.orderId WHERE';
  const refundRows: RefundRow[] = await dataSource.query(
    `${refundSql} r.refundId IS NOT NULL AND r.createdAt >= ? AND r.createdAt < ?`,
    range,
  );
  const namedRefunds = [
    ...new Set(bill.filter((row) => row.tradeState === 'REFUND').map((row) => row.outRefundNo)),
  ].filter((no) => !refundRows.some((row) => row.outRefundNo === no));
  for (let i = 0; i < namedRefunds.length; i += CHUNK) {
    const chunk = namedRefunds.slice(i, i + CHUNK);
    refundRows.push(
      ...((await dataSource.query(
        `${refundSql} r.outRefundNo IN (${chunk.map(() => '?').join(',')})`,
        chunk,
      )) as RefundRow[]),
    );
  }
  return {
    payments: bestPaymentPerTrade(paymentRows).map((row) => ({
      outTradeNo: row.outTradeNo,
      transactionId: row.transactionId,
      amountFen: Number(row.paidFen ?? row.amountFen),
      status: row.status,
      ofDay: row.status === 'SUCCESS' && within(row.succeededAt),
    })),
    refunds: refundRows.map((row) => ({
      outRefundNo: row.outRefundNo,
      outTradeNo: row.outTradeNo,
      refundId: row.refundId,
      amountFen: Number(row.amountFen),
      status: row.status,
      ofDay: row.refundId !== null && within(row.createdAt),
    })),
  };
}

interface PaymentRow {
  outTradeNo: string;
  transactionId: string | null;
  amountFen: number;
  paidFen: number | null;
  status: string;
  succeededAt: Time | null;
}

interface RefundRow {
  outRefundNo: string;
  refundId: string | null;
  amountFen: number;
  status: string;
  createdAt: Time;
  outTradeNo: string;
}

/** An order may have had several payment attempts under one out_trade_no: the one WeChat settled speaks for it. */
function bestPaymentPerTrade(rows: PaymentRow[]): PaymentRow[] {
  const rank = (row: PaymentRow) => (row.status === 'SUCCESS' ? 2 : row.status === 'FLAGGED' ? 1 : 0);
  const best = new Map<string, PaymentRow>();
  for (const row of rows) {
    const current = best.get(row.outTradeNo);
    if (!current || rank(row) > rank(current)) best.set(row.outTradeNo, row);
  }
  return [...best.values()];
}
