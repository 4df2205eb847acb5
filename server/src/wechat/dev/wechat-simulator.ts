import { createHash, generateKeyPairSync, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import type { SubscribeMessageInput, SubscribeMessageResult } from '../wechat-gateway';
import { encryptResource, randomNonce, rsaSign, toWechatTime, wechatSigningMessage } from '../pay/pay-crypto';
import type { WechatRefundJson, WechatTransactionJson } from '../pay/wechat-pay-resources';
import { devOpenid } from './dev-openid';
import { SimulatedMessage, SimulatedMessageLog } from './simulated-message-log';

export type { SimulatedMessage } from './simulated-message-log';

/** Errors the simulator answers with, in WeChat's own codes. */
export class SimulatedWechatError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | number,
    message: string,
  ) {
    super(message);
  }
}

export interface SignedNotification {
  headers: { 'wechatpay-timestamp': string; 'wechatpay-nonce': string; 'wechatpay-signature': string; 'wechatpay-serial': string };
  body: string;
}

export interface NotificationOverrides {
  amountFen?: number;
  appid?: string;
  mchid?: string;
  /** Shift the signed timestamp, e.g. -600 for a notification ten minutes old. */
  timestampOffsetSeconds?: number;
}

interface SimulatedOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  prepayId: string;
  description: string;
  amountFen: number;
  openid: string;
  expiresAt: string;
  notifyUrl: string;
  attach: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND' | 'PAYERROR';
  transactionId?: string;
  successTime?: string;
}

interface SimulatedRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refundFen: number;
  totalFen: number;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  successTime?: string;
  createTime: string;
}


/** A refund in PROCESSING has no notification of its own; should one be asked for, WeChat would call it abnormal. */
const REFUND_EVENTS: Record<SimulatedRefund['status'], [string, string]> = {
  SUCCESS: ['REFUND.SUCCESS', '退款成功'],
  CLOSED: ['REFUND.CLOSED', '退款关闭'],
  ABNORMAL: ['REFUND.ABNORMAL', '退款异常'],
  PROCESSING: ['REFUND.ABNORMAL', '退款异常'],
};

const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject) => key.export({ type: key.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' }).toString();

/**
 * A local WeChat: login codes, WeChat Pay (prepay, query, close, refunds) and subscribe messages, with its
 * own merchant and platform RSA keys. Notifications are built byte for byte in WeChat Pay's v3 format:
 * signed with the platform key, the resource AES-256-GCM encrypted with the APIv3 key.
 */
export class WechatSimulator {
  readonly appId = 'wxd0000000000dev0';
  readonly appSecret = randomBytes(16).toString('hex');
  readonly mchId = '1900000109';
  readonly merchantSerial = randomBytes(20).toString('hex').toUpperCase();
  readonly apiV3Key = randomNonce(32);
  readonly platformPublicKeyId = 'PUB_KEY_ID_0114232134912410000000000000';
  private readonly merchant = keyPair();
  private readonly platform = keyPair();
  private readonly orders = new Map<string, SimulatedOrder>();
  private readonly refunds = new Map<string, SimulatedRefund>();
  private readonly messages = new SimulatedMessageLog();
  private accessToken = randomBytes(24).toString('base64url');
  private readonly expiredAccessTokens = new Set<string>();

  get merchantPrivateKey(): string {
    return pem(this.merchant.privateKey);
  }
  get merchantPublicKey(): string {
    return pem(this.merchant.publicKey);
  }
  get platformPublicKey(): string {
    return pem(this.platform.publicKey);
  }
  get platformPrivateKeyObject(): KeyObject {
    return this.platform.privateKey;
  }
  get merchantPrivateKeyObject(): KeyObject {
    return this.merchant.privateKey;
  }
  get platformPublicKeyObject(): KeyObject {
    return this.platform.publicKey;
  }
  get merchantPublicKeyObject(): KeyObject {
    return this.merchant.publicKey;
  }

  // ---- login and access token ----

  /** `dev:<name>` is always the same user; any other code is WeChat's 40029 "invalid code". */
  code2Session(code: string): { openid: string; session_key: string } {
    if (!/^dev:.{1,64}$/.test(code)) throw new SimulatedWechatError(400, 40029, 'invalid code');
    const name = code.slice(4);
    return { openid: devOpenid(name), session_key: createHash('sha256').update(`session:${name}`).digest('base64').slice(0, 24) };
  }

  issueAccessToken(appid: string, secret: string): { access_token: string; expires_in: number } {
    if (appid !== this.appId || secret !== this.appSecret) throw new SimulatedWechatError(400, 40125, 'invalid appsecret');
    return { access_token: this.accessToken, expires_in: 7200 };
  }

  /** Tests: another process asked for a new token, so the one a server cached is no longer the latest (40001). */
  rotateAccessToken(): void {
    this.accessToken = randomBytes(24).toString('base64url');
  }

  /** Tests: the current token ran out (42001) and a new one is issued on the next request. */
  expireAccessToken(): void {
    this.expiredAccessTokens.add(this.accessToken);
    this.rotateAccessToken();
  }

  checkAccessToken(token: string | null): void {
    if (token && this.expiredAccessTokens.has(token)) throw new SimulatedWechatError(400, 42001, 'access_token expired');
    if (token !== this.accessToken) throw new SimulatedWechatError(400, 40001, 'invalid credential, access_token is invalid or not latest');
  }

  // ---- WeChat Pay ----

  createPrepay(input: {
    appid: string;
    mchid: string;
    description: string;
    out_trade_no: string;
    time_expire?: string;
    notify_url: string;
    amount: { total: number; currency?: string };
    payer: { openid: string };
    attach?: string;
  }): { prepay_id: string } {
    if (input.appid !== this.appId || input.mchid !== this.mchId) throw new SimulatedWechatError(400, 'PARAM_ERROR', 'appid and mchid do not match');
    if (!Number.isInteger(input.amount?.total) || input.amount.total <= 0) throw new SimulatedWechatError(400, 'PARAM_ERROR', 'amount.total must be a positive integer');
    const existing = this.orders.get(input.out_trade_no);
    if (existing) {
      if (existing.amountFen !== input.amount.total) throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'out_trade_no reused with different parameters');
      if (existing.state !== 'NOTPAY') throw new SimulatedWechatError(400, existing.state === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDERPAID', `order is ${existing.state}`);
      return { prepay_id: existing.prepayId };
    }
    const order: SimulatedOrder = {
      appid: input.appid,
      mchid: input.mchid,
      outTradeNo: input.out_trade_no,
      prepayId: `wx${Date.now()}${randomBytes(8).toString('hex')}`,
      description: input.description,
      amountFen: input.amount.total,
      openid: input.payer.openid,
      expiresAt: input.time_expire ?? '',
      notifyUrl: input.notify_url,
      attach: input.attach ?? '',
      state: 'NOTPAY',
    };
    this.orders.set(order.outTradeNo, order);
    return { prepay_id: order.prepayId };
  }

  /** What the H5 simulator pay page shows. */
  describe(outTradeNo: string): { outTradeNo: string; description: string; amountFen: number; state: string; expiresAt: string } {
    const order = this.getOrder(outTradeNo);
    return { outTradeNo, description: order.description, amountFen: order.amountFen, state: order.state, expiresAt: order.expiresAt };
  }

  /** The customer pays. Paying twice is a no-op; a closed order cannot be paid. */
  confirmPayment(outTradeNo: string, at: Date = new Date()): void {
    const order = this.getOrder(outTradeNo);
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return;
    if (order.state === 'CLOSED') throw new SimulatedWechatError(400, 'ORDER_CLOSED', 'the order was closed');
    order.state = 'SUCCESS';
    order.transactionId = `4200${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 28);
    order.successTime = toWechatTime(at);
  }

  /** The customer cancelled or the payment failed: WeChat sends no notification for that. */
  failPayment(outTradeNo: string): void {
    const order = this.getOrder(outTradeNo);
    if (order.state === 'NOTPAY') order.state = 'PAYERROR';
  }

  queryOrder(outTradeNo: string): WechatTransactionJson | undefined {
    const order = this.orders.get(outTradeNo);
    return order && this.transactionJson(order);
  }

  closeOrder(outTradeNo: string): void {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new SimulatedWechatError(404, 'ORDER_NOT_EXIST', 'order does not exist');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') throw new SimulatedWechatError(400, 'ORDERPAID', 'order is paid');
    order.state = 'CLOSED';
  }

  createRefund(input: { out_trade_no: string; out_refund_no: string; amount: { refund: number; total: number } }): WechatRefundJson {
    const existing = this.refunds.get(input.out_refund_no);
    if (existing) return this.refundJson(existing);
    const order = this.getOrder(input.out_trade_no);
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'order is not paid');
    if (input.amount.total !== order.amountFen) throw new SimulatedWechatError(400, 'PARAM_ERROR', 'amount.total does not match the order');
    const refunded = [...this.refunds.values()].filter((r) => r.outTradeNo === order.outTradeNo && r.status !== 'CLOSED').reduce((sum, r) => sum + r.refundFen, 0);
    if (input.amount.refund <= 0 || refunded + input.amount.refund > order.amountFen) throw new SimulatedWechatError(400, 'NOT_ENOUGH', 'refund exceeds what is left');
    const refund: SimulatedRefund = {
      outRefundNo: input.out_refund_no,
      outTradeNo: order.outTradeNo,
      refundId: `5030${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 29),
      refundFen: input.amount.refund,
      totalFen: order.amountFen,
      status: 'PROCESSING',
      createTime: toWechatTime(new Date()),
    };
    this.refunds.set(refund.outRefundNo, refund);
    return this.refundJson(refund);
  }

  completeRefund(outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS'): void {
    const refund = this.getRefund(outRefundNo);
    if (refund.status !== 'PROCESSING') return;
    refund.status = status;
    if (status === 'SUCCESS') {
      refund.successTime = toWechatTime(new Date());
      this.getOrder(refund.outTradeNo).state = 'REFUND';
    }
  }

  queryRefund(outRefundNo: string): WechatRefundJson | undefined {
    const refund = this.refunds.get(outRefundNo);
    return refund && this.refundJson(refund);
  }

  // ---- notifications and signed responses ----

  buildTransactionNotification(outTradeNo: string, overrides: NotificationOverrides = {}): SignedNotification {
    const order = this.getOrder(outTradeNo);
    if (!order.transactionId) throw new SimulatedWechatError(400, 'ORDERNOTPAID', 'the order has not been paid');
    const resource = this.transactionJson(order);
    if (overrides.amountFen !== undefined) resource.amount = { ...resource.amount!, total: overrides.amountFen, payer_total: overrides.amountFen };
    if (overrides.appid) resource.appid = overrides.appid;
    if (overrides.mchid) resource.mchid = overrides.mchid;
    return this.notification('TRANSACTION.SUCCESS', '支付成功', 'transaction', resource, overrides.timestampOffsetSeconds);
  }

  buildRefundNotification(outRefundNo: string, overrides: NotificationOverrides = {}): SignedNotification {
    const refund = this.getRefund(outRefundNo);
    const json = this.refundJson(refund);
    const { status, ...rest } = json;
    const resource = { mchid: this.mchId, ...rest, refund_status: status, user_received_account: '支付用户零钱' };
    const [event, summary] = REFUND_EVENTS[refund.status];
    return this.notification(event, summary, 'refund', resource, overrides.timestampOffsetSeconds);
  }

  /** Signs a response body the way WeChat Pay signs its API answers. */
  signResponse(body: string, at: Date = new Date()): SignedNotification['headers'] {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const nonce = randomNonce(32);
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': rsaSign(wechatSigningMessage(timestamp, nonce, body), this.platform.privateKey),
      'wechatpay-serial': this.platformPublicKeyId,
    };
  }

  /** POSTs a notification to a notify URL as WeChat Pay does; answers the HTTP status the merchant gave. */
  async deliverNotification(url: string, notification: SignedNotification, timeoutMs = 10_000): Promise<number> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...notification.headers, 'content-type': 'application/json' },
      body: notification.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  }

  // ---- subscribe messages ----

  sendSubscribeMessage(input: SubscribeMessageInput): SubscribeMessageResult {
    return this.messages.send(input);
  }

  /** Tests: this user has used up their consent, WeChat answers 43101. */
  refuseMessagesFor(openid: string): void {
    this.messages.refuseFor(openid);
  }

  /** Newest first. */
  listMessages(): SimulatedMessage[] {
    return this.messages.list();
  }

  private notification(eventType: string, summary: string, originalType: string, resource: object, offsetSeconds = 0): SignedNotification {
    const now = new Date();
    // WeChat lists original_type first; keep its key order so the body reads like the real one
    const { original_type, ...encrypted } = encryptResource(JSON.stringify(resource), this.apiV3Key, originalType, originalType);
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: toWechatTime(now),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type, ...encrypted },
    });
    return { headers: this.signResponse(body, new Date(now.getTime() + offsetSeconds * 1000)), body };
  }

  private transactionJson(order: SimulatedOrder): WechatTransactionJson {
    const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.outTradeNo,
      ...(paid ? { transaction_id: order.transactionId, bank_type: 'OTHERS', success_time: order.successTime } : {}),
      trade_type: 'JSAPI',
      trade_state: order.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款', PAYERROR: '支付失败' }[order.state],
      attach: order.attach,
      payer: { openid: order.openid },
      amount: { total: order.amountFen, payer_total: paid ? order.amountFen : 0, currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  private refundJson(refund: SimulatedRefund): WechatRefundJson & { status: string } {
    return {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: this.orders.get(refund.outTradeNo)?.transactionId,
      out_trade_no: refund.outTradeNo,
      status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen, currency: 'CNY' },
    };
  }

  private getOrder(outTradeNo: string): SimulatedOrder {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new SimulatedWechatError(404, 'ORDER_NOT_EXIST', `no order ${outTradeNo}`);
    return order;
  }

  private getRefund(outRefundNo: string): SimulatedRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new SimulatedWechatError(404, 'RESOURCE_NOT_EXISTS', `no refund ${outRefundNo}`);
    return refund;
  }
}
