import { createHash } from 'node:crypto';
import { fenToYuanString, parseYuanText } from '@member-commerce/shared';

/**
 * WeChat Pay's daily trade bill (`GET /v3/bill/tradebill`, bill_type=ALL), as the file downloaded from its
 * `download_url`: a header line, one detail line per payment (交易状态 SUCCESS) or refund (REFUND) of the day, a
 * summary header and one summary line. Every detail and summary field carries a leading backtick (so Excel keeps
 * long numbers as text); amounts are yuan with two decimals.
 */
const TRADE_BILL_HEADER = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;
const TRADE_BILL_SUMMARY_HEADER = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
] as const;

/** One detail line, amounts in fen. A refund line repeats its payment's transaction id and out_trade_no. */
export interface TradeBillRow {
  /** "YYYY-MM-DD HH:mm:ss", Beijing time. */
  tradeTime: string;
  transactionId: string;
  outTradeNo: string;
  /** SUCCESS for a payment line, REFUND for a refund line (REVOKED for a revoked payment). */
  tradeState: string;
  /** 订单金额: the payment's total. */
  totalFen: number;
  refundId: string;
  outRefundNo: string;
  /** 申请退款金额 on a refund line, else 0. */
  refundFen: number;
  /** SUCCESS | PROCESSING | CLOSED | ABNORMAL on a refund line, else ''. */
  refundStatus: string;
}

export interface TradeBill {
  rows: TradeBillRow[];
  summary: { count: number; totalFen: number; refundFen: number };
}

export class TradeBillFormatError extends Error {}

/** The bill file as WeChat writes it (the dev simulator and the fake WeChat server produce it with this). */
export function formatTradeBill(rows: readonly TradeBillRow[], identity: { appId: string; mchId: string }): string {
  const detail = rows.map((row) => {
    const refund = row.tradeState === 'REFUND';
    const settlement = refund ? 0 : row.totalFen;
    return backtick([
      row.tradeTime,
      identity.appId,
      identity.mchId,
      '0',
      '',
      row.transactionId,
      row.outTradeNo,
      '',
      'JSAPI',
      row.tradeState,
      'OTHERS',
      'CNY',
      fenToYuanString(settlement),
      '0.00',
      refund ? row.refundId : '0',
      refund ? row.outRefundNo : '0',
      fenToYuanString(row.refundFen),
      '0.00',
      refund ? 'ORIGINAL' : '',
      row.refundStatus,
      '会员商城',
      '',
      '0.00000',
      '0.60%',
      fenToYuanString(row.totalFen),
      fenToYuanString(row.refundFen),
      '',
    ]);
  });
  const payments = rows.filter((row) => row.tradeState !== 'REFUND');
  const total = payments.reduce((sum, row) => sum + row.totalFen, 0);
  const refunded = rows.reduce((sum, row) => sum + row.refundFen, 0);
  const summary = backtick([
    String(rows.length),
    fenToYuanString(total),
    fenToYuanString(refunded),
    '0.00',
    '0.00000',
    fenToYuanString(total),
    fenToYuanString(refunded),
  ]);
  return [TRADE_BILL_HEADER.join(','), ...detail, TRADE_BILL_SUMMARY_HEADER.join(','), summary].join('\r\n') + '\r\n';
}

/**
 * Reads a bill file: columns by their header names (WeChat may add columns), backticks stripped, yuan → fen
 * exactly. Throws TradeBillFormatError on anything it cannot read, so a damaged file never reconciles as empty.
 */
export function parseTradeBill(text: string): TradeBill {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length < 3) throw new TradeBillFormatError('bill has no header or summary');
  const header = lines[0].split(',').map((name) => name.trim());
  const summaryAt = lines.findIndex((line) => line.startsWith(TRADE_BILL_SUMMARY_HEADER[0]));
  if (summaryAt < 1 || summaryAt + 1 >= lines.length) throw new TradeBillFormatError('bill has no summary');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new TradeBillFormatError(`bill has no column ${name}`);
    return index;
  };
  const at = {
    time: column('交易时间'),
    transactionId: column('微信订单号'),
    outTradeNo: column('商户订单号'),
    state: column('交易状态'),
    total: column('订单金额'),
    refundId: column('微信退款单号'),
    outRefundNo: column('商户退款单号'),
    refund: column('申请退款金额'),
    refundStatus: column('退款状态'),
  };
  const rows = lines.slice(1, summaryAt).map((line, index) => {
    const cells = unbacktick(line);
    if (cells.length < header.length)
      throw new TradeBillFormatError(`bill line ${index + 2} has ${cells.length} fields`);
    const refund = cells[at.state] === 'REFUND';
    return {
      tradeTime: cells[at.time],
      transactionId: cells[at.transactionId],
      outTradeNo: cells[at.outTradeNo],
      tradeState: cells[at.state],
      totalFen: fen(cells[at.total], index),
      refundId: refund ? cells[at.refundId] : '',
      outRefundNo: refund ? cells[at.outRefundNo] : '',
      refundFen: refund ? fen(cells[at.refund], index) : 0,
      refundStatus: refund ? cells[at.refundStatus] : '',
    };
  });
  const summaryHeader = lines[summaryAt].split(',').map((name) => name.trim());
  const summary = unbacktick(lines[summaryAt + 1]);
  const count = Number(summary[summaryHeader.indexOf('总交易单数')]);
  if (count !== rows.length)
    throw new TradeBillFormatError(`bill summary counts ${count} lines, the file has ${rows.length}`);
  return {
    rows,
    summary: {
      count,
      totalFen: fen(summary[summaryHeader.indexOf('订单总金额')], -1),
      refundFen: fen(summary[summaryHeader.indexOf('申请退款总金额')] ?? '0', -1),
    },
  };
}

/** The bill's digest as WeChat's `hash_value` states it (hash_type SHA1, hex, of the uncompressed file). */
export const tradeBillSha1 = (file: string | Buffer): string => createHash('sha1').update(file).digest('hex');

const backtick = (cells: readonly string[]) => cells.map((cell) => `\`${cell}`).join(',');
/** Fields are ",`"-separated, so a comma inside a product name does not split it. */
const unbacktick = (line: string) => line.trim().replace(/^`/, '').split(',`');

function fen(text: string | undefined, index: number): number {
  const value = parseYuanText(text ?? '');
  if (value === undefined)
    throw new TradeBillFormatError(
      `bill ${index < 0 ? 'summary' : `line ${index + 2}`} has an unreadable amount "${text}"`,
    );
  return value;
}
