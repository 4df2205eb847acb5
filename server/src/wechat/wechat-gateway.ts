import type { Fen, PapaySignParams, WechatPaymentParams } from '@member-commerce/shared';
import type { PapayContractEvent } from './papay/papay-wire';
import type { TradeBill } from './pay/trade-bill';

/** What code2Session tells us about a `wx.login` code. `sessionKey` never leaves the server. */
export interface WechatSession {
  openid: string;
  unionid?: string;
  sessionKey: string;
}

export interface JsapiOrderInput {
  outTradeNo: string;
  description: string;
  amountFen: Fen;
  payerOpenid: string;
  /** WeChat closes the prepay order at this instant. */
  expiresAt: Date;
  attach?: string;
}

/** A WeChat Pay transaction as the notify resource or the order query describes it. */
export interface WechatTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  transactionId?: string;
  /** SUCCESS | REFUND | NOTPAY | CLOSED | REVOKED | USERPAYING | PAYERROR */
  tradeState: string;
  tradeStateDesc?: string;
  successTime?: string;
  payerOpenid?: string;
  amount: { totalFen: Fen; payerTotalFen?: Fen; currency: string };
  /** The decrypted JSON exactly as WeChat sent it, kept on the payment row. */
  raw: Record<string, unknown>;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundFen: Fen;
  totalFen: Fen;
  reason?: string;
}

/** SUCCESS | CLOSED | PROCESSING | ABNORMAL */
export interface WechatRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId?: string;
  status: 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
  refundFen: Fen;
  totalFen: Fen;
  successTime?: string;
  raw: Record<string, unknown>;
}

/** A verified, decrypted WeChat Pay notification. */
export type WechatNotification =
  | { kind: 'transaction'; id: string; eventType: string; transaction: WechatTransaction }
  | { kind: 'refund'; id: string; eventType: string; refund: WechatRefund };

export interface NotifyHeaders {
  'wechatpay-timestamp'?: string;
  'wechatpay-nonce'?: string;
  'wechatpay-signature'?: string;
  'wechatpay-serial'?: string;
}

export interface SubscribeMessageInput {
  openid: string;
  templateId: string;
  page?: string;
  /** e.g. { thing1: { value: '年卡会员' }, time2: { value: '2026-12-01' } } */
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface SubscribeMessageResult {
  errcode: number;
  errmsg: string;
}

/** 委托代扣 (papay): what the auto-renew feature asks of WeChat. */
export interface PapayGateway {
  /** Pre-signs a contract and returns what `wx.navigateToMiniProgram` needs to open WeChat's signing page. */
  papayPreSign(input: { outContractCode: string; openid: string; displayAccount: string }): Promise<PapaySignParams>;
  /** 预扣费通知: tells the user (in WeChat) the amount and that a charge follows within `durationDays`. */
  papayNotify(input: { contractId: string; amountFen: Fen; durationDays: number }): Promise<void>;
  /** 申请扣款: accepted, not done; the result is read with queryTransaction (or arrives as a notification). */
  papayCharge(input: { contractId: string; outTradeNo: string; description: string; amountFen: Fen }): Promise<void>;
  /** 解约 by the merchant. */
  papayTerminate(contractId: string, note: string): Promise<void>;
  /** Verifies and decrypts a contract (sign / terminate) notification. Throws `WechatNotifyRejectedError`. */
  parsePapayNotification(headers: NotifyHeaders, rawBody: string, now?: Date): PapayContractEvent;
}

/**
 * The WeChat boundary. `live` speaks WeChat's HTTP APIs; `dev` is a local simulator that signs and
 * encrypts exactly like WeChat, so the same notify verification runs in both modes.
 */
export interface WechatGateway extends PapayGateway {
  code2Session(code: string): Promise<WechatSession>;
  /** Creates the JSAPI prepay order and returns the signed `wx.requestPayment` parameters. */
  createJsapiPayment(input: JsapiOrderInput): Promise<{ prepayId: string; params: WechatPaymentParams }>;
  queryTransaction(outTradeNo: string): Promise<WechatTransaction | null>;
  closeTransaction(outTradeNo: string): Promise<void>;
  createRefund(input: RefundInput): Promise<WechatRefund>;
  queryRefund(outRefundNo: string): Promise<WechatRefund | null>;
  /** Verifies signature, serial and timestamp window, then decrypts. Throws `WechatNotifyRejectedError`. */
  parseNotification(headers: NotifyHeaders, rawBody: string, now?: Date): WechatNotification;
  sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult>;
  /**
   * WeChat Pay's trade bill of `billDate` (YYYY-MM-DD, Beijing time; bill_type ALL), its SHA1 checked against the
   * hash WeChat stated. A day without transactions is an empty bill. Throws WechatApiError (e.g. 502
   * BILL_HASH_MISMATCH, 400 STATEMENT_CREATING before WeChat has produced it).
   */
  downloadTradeBill(billDate: string): Promise<TradeBill>;
  /** The appid and mchid payments must name (the configured ones in live mode, the simulator's in dev). */
  identity(): { appId: string; mchId: string };
}

export const WECHAT_GATEWAY = Symbol('WECHAT_GATEWAY');
