import type { ReconciliationMismatch, ReconciliationStatement } from '@member-commerce/shared';
import type { ExportColumn, ExportTable } from '../exports/table-writers';

const KIND_LABELS: Record<ReconciliationMismatch['kind'], string> = {
  ONLY_WECHAT: '仅微信有',
  ONLY_OURS: '仅我方有',
  AMOUNT: '金额不符',
  STATUS: '状态不符',
};

type Line = ReconciliationMismatch | { totals: true; wechatFen: number; oursFen: number };
const isTotals = (line: Line): line is { totals: true; wechatFen: number; oursFen: number } => 'totals' in line;

/** A day's statement as an export table: one line per mismatch, then 合计 with both sides' net of the day. */
export function reconciliationTable(
  statement: ReconciliationStatement,
  wallClock: (iso: string) => string,
): ExportTable<Line> {
  const columns: ExportColumn<Line>[] = [
    { header: '日期', kind: 'code', width: 12, value: () => statement.date },
    {
      header: '差异类型',
      kind: 'code',
      width: 12,
      value: (line) => (isTotals(line) ? '合计' : KIND_LABELS[line.kind]),
    },
    { header: '商户订单号', kind: 'code', width: 26, value: (line) => (isTotals(line) ? null : line.outTradeNo) },
    {
      header: '商户退款单号',
      kind: 'code',
      width: 26,
      value: (line) => (isTotals(line) ? null : (line.outRefundNo ?? null)),
    },
    {
      header: '微信支付/退款单号',
      kind: 'code',
      width: 34,
      value: (line) => (isTotals(line) ? null : (line.transactionId ?? null)),
    },
    { header: '微信金额（元）', kind: 'yuan', value: (line) => line.wechatFen ?? null },
    { header: '我方金额（元）', kind: 'yuan', value: (line) => line.oursFen ?? null },
    { header: '微信状态', kind: 'code', value: (line) => (isTotals(line) ? null : (line.wechatStatus ?? null)) },
    { header: '我方状态', kind: 'code', value: (line) => (isTotals(line) ? null : (line.oursStatus ?? null)) },
    {
      header: '处理时间',
      kind: 'code',
      value: (line) => (isTotals(line) || !line.resolvedAt ? null : wallClock(line.resolvedAt)),
    },
    { header: '处理人', kind: 'text', value: (line) => (isTotals(line) ? null : (line.resolvedBy ?? null)) },
    {
      header: '处理说明',
      kind: 'text',
      width: 40,
      value: (line) => (isTotals(line) ? `已匹配 ${statement.matched} 笔` : (line.note ?? null)),
    },
  ];
  async function* rows(): AsyncIterable<Line[]> {
    yield statement.mismatches;
  }
  return {
    sheetName: `对账 ${statement.date}`,
    columns,
    rows: rows(),
    totals: () => ({ totals: true, ...statement.totals }),
  };
}
