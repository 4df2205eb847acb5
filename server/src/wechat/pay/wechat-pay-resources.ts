import type { WechatRefund, WechatTransaction } from '../wechat-gateway';

/** A transaction as WeChat Pay spells it (notify resource, order query). */
export interface WechatTransactionJson {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: string;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

/** A refund as WeChat Pay spells it (refund API answers and REFUND.* notify resources). */
export interface WechatRefundJson {
  mchid?: string;
  out_trade_no: string;
  transaction_id?: string;
  out_refund_no: string;
  refund_id?: string;
  /** `status` in API answers, `refund_status` in notifications. */
  status?: string;
  refund_status?: string;
  success_time?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

export function toTransaction(json: WechatTransactionJson): WechatTransaction {
  return {
    appid: json.appid,
    mchid: json.mchid,
    outTradeNo: json.out_trade_no,
    transactionId: json.transaction_id,
    tradeState: json.trade_state,
    tradeStateDesc: json.trade_state_desc,
    successTime: json.success_time,
    payerOpenid: json.payer?.openid,
    amount: {
      totalFen: json.amount?.total ?? 0,
      payerTotalFen: json.amount?.payer_total,
      currency: json.amount?.currency ?? 'CNY',
    },
    raw: json as unknown as Record<string, unknown>,
  };
}

const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const;

export function toRefund(json: WechatRefundJson): WechatRefund {
  const status = json.refund_status ?? json.status ?? 'PROCESSING';
  return {
    outRefundNo: json.out_refund_no,
    outTradeNo: json.out_trade_no,
    refundId: json.refund_id,
    status: (REFUND_STATUSES as readonly string[]).includes(status) ? (status as WechatRefund['status']) : 'ABNORMAL',
    refundFen: json.amount.refund,
    totalFen: json.amount.total,
    successTime: json.success_time,
    raw: json as unknown as Record<string, unknown>,
  };
}
