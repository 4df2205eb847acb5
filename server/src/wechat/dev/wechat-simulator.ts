import { createHash, createPrivateKey, createPublicKey, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import type { SubscribeMessageInput, SubscribeMessageResult } from '../wechat-gateway';
import {
  encryptResource,
  randomNonce,
  rsaSign,
  rsaSignOffLoop,
  toWechatTime,
  wechatSigningMessage,
} from '../pay/pay-crypto';
import type { WechatRefundJson, WechatTransactionJson } from '../pay/wechat-pay-resources';
import { formatTradeBill, TradeBillRow } from '../pay/trade-bill';
import { devOpenid } from './dev-openid';
import { generateSimulatorKeys, SimulatorKeys } from './simulator-keys';
import {
  MemorySimulatorStore,
  SimulatedMessage,
  SimulatedOrder,
  SimulatedRefund,
  SimulatorStore,
} from './simulator-store';

export type { SimulatedMessage } from './simulator-store';

/** WeChat Pay refunds within a year of the payment, at most 50 times per order. */
const REFUND_WINDOW_MS = 365 * 24 * 3600 * 1000;
const MAX_REFUNDS = 50;

/** Only the newest are listed: the log is for people and tests looking at recent reminders. */
const MESSAGES_LISTED = 500;

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

/** What the simulator's pay page shows of a payment. */
export interface SimulatedPaymentView {
  outTradeNo: string;
  description: string;
  amountFen: number;
  state: string;
  expiresAt: string;
}

export interface SignedNotification {
  headers: {
    'wechatpay-timestamp': string;
    'wechatpay-nonce': string;
    'wechatpay-signature': string;
    'wechatpay-serial': string;
  };
  body: string;
}

export interface NotificationOverrides {
  amountFen?: number;
  appid?: string;
  mchid?: string;
  /** Another transaction id than the one WeChat gave this order (a notification naming someone else's payment). */
  transactionId?: string;
  /** Shift the signed timestamp, e.g. -600 for a notification ten minutes old. */
  timestampOffsetSeconds?: number;
}

/** A refund in PROCESSING has no notification of its own; should one be asked for, WeChat would call it abnormal. */
const REFUND_EVENTS: Record<SimulatedRefund['status'], [string, string]> = {
  SUCCESS: ['REFUND.SUCCESS', '退款成功'],
  CLOSED: ['REFUND.CLOSED', '退款关闭'],
  ABNORMAL: ['REFUND.ABNORMAL', '退款异常'],
  PROCESSING: ['REFUND.ABNORMAL', '退款异常'],
};

const pem = (key: KeyObject) =>
  key.export({ type: key.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' }).toString();

/**
 * A local WeChat: login codes, WeChat Pay (prepay, query, close, refunds) and subscribe messages, with its
 * own merchant and platform RSA keys (generated here, or handed in by the app, which stores them). Notifications
 * are built byte for byte in WeChat Pay's v3 format: signed with the platform key, the resource AES-256-GCM
 * encrypted with the APIv3 key. State lives in a SimulatorStore: the database in the app, memory in unit tests.
 */
export class WechatSimulator {
  readonly appId = 'wxd0000000000dev0';
  readonly mchId = '1900000109';
  readonly platformPublicKeyId = 'PUB_KEY_ID_0114232134912410000000000000';
  readonly appSecret: string;
  readonly merchantSerial: string;
  readonly apiV3Key: string;
  readonly merchantPrivateKeyObject: KeyObject;
  readonly merchantPublicKeyObject: KeyObject;
  readonly platformPrivateKeyObject: KeyObject;
  readonly platformPublicKeyObject: KeyObject;
  private accessToken = randomBytes(24).toString('base64url');
  private readonly expiredAccessTokens = new Set<string>();

  constructor(
    keys: SimulatorKeys = generateSimulatorKeys(),
    private readonly store: SimulatorStore = new MemorySimulatorStore(),
  ) {
    this.appSecret = keys.appSecret;
    this.merchantSerial = keys.merchantSerial;
    this.apiV3Key = keys.apiV3Key;
    this.merchantPrivateKeyObject = createPrivateKey(keys.merchantPrivateKey);
    this.merchantPublicKeyObject = createPublicKey(this.merchantPrivateKeyObject);
    this.platformPrivateKeyObject = createPrivateKey(keys.platformPrivateKey);
    this.platformPublicKeyObject = createPublicKey(this.platformPrivateKeyObject);
  }

  get merchantPrivateKey(): string {
    return pem(this.merchantPrivateKeyObject);
  }
  get merchantPublicKey(): string {
    return pem(this.merchantPublicKeyObject);
  }
  get platformPublicKey(): string {
    return pem(this.platformPublicKeyObject);
  }

  // ---- login and access token ----

  /** `dev:<name>` is always the same user; any other code is WeChat's 40029 "invalid code". */
  code2Session(code: string): { openid: string; session_key: string } {
    if (!/^dev:.{1,64}$/.test(code)) throw new SimulatedWechatError(400, 40029, 'invalid code');
    const name = code.slice(4);
    return {
      openid: devOpenid(name),
      session_key: createHash('sha256').update(`session:${name}`).digest('base64').slice(0, 24),
    };
  }

  issueAccessToken(appid: string, secret: string): { access_token: string; expires_in: number } {
    if (appid !== this.appId || secret !== this.appSecret)
      throw new SimulatedWechatError(400, 40125, 'invalid appsecret');
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

  /**
   * `getStableAccessToken` (wechat-ship): normal mode hands every caller the current token; `force_refresh`
   * replaces it, and every token handed out before stops working (40001).
   */
  issueStableAccessToken(
    appid: string,
    secret: string,
    forceRefresh = false,
  ): { access_token: string; expires_in: number } {
    if (forceRefresh) this.rotateAccessToken();
    return this.issueAccessToken(appid, secret);
  }

  checkAccessToken(token: string | null): void {
    if (token && this.expiredAccessTokens.has(token))
      throw new SimulatedWechatError(400, 42001, 'access_token expired');
    if (token !== this.accessToken)
      throw new SimulatedWechatError(400, 40001, 'invalid credential, access_token is invalid or not latest');
  }

  // ---- WeChat Pay ----

  async createPrepay(input: {
    appid: string;
    mchid: string;
    description: string;
    out_trade_no: string;
    time_expire?: string;
    notify_url: string;
    amount: { total: number; currency?: string };
    payer: { openid: string };
    attach?: string;
  }): Promise<{ prepay_id: string }> {
    if (input.appid !== this.appId || input.mchid !== this.mchId)
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'appid and mchid do not match');
    if (!Number.isInteger(input.amount?.total) || input.amount.total <= 0)
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'amount.total must be a positive integer');
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
    if (await this.store.insertOrder(order)) return { prepay_id: order.prepayId };
    // Asked before (pay again), or another process created it a moment ago.
    return this.samePrepay(await this.getOrder(order.outTradeNo), input.amount.total);
  }

  /** What the H5 simulator pay page shows. */
  async describe(outTradeNo: string): Promise<SimulatedPaymentView> {
    const order = await this.getOrder(outTradeNo);
    return {
      outTradeNo,
      description: order.description,
      amountFen: order.amountFen,
      state: order.state,
      expiresAt: order.expiresAt,
    };
  }

  /** The customer pays. Paying twice is a no-op; a closed order cannot be paid. */
  async confirmPayment(outTradeNo: string, at: Date = new Date()): Promise<void> {
    const transactionId = `4200${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 28);
    if (
      await this.store.updateOrder(outTradeNo, ['NOTPAY', 'PAYERROR'], {
        state: 'SUCCESS',
        transactionId,
        successTime: toWechatTime(at),
      })
    )
      return;
    const order = await this.getOrder(outTradeNo);
    if (order.state === 'CLOSED') throw new SimulatedWechatError(400, 'ORDER_CLOSED', 'the order was closed');
  }

  /** The customer cancelled or the payment failed: WeChat sends no notification for that. */
  async failPayment(outTradeNo: string): Promise<void> {
    await this.getOrder(outTradeNo);
    await this.store.updateOrder(outTradeNo, ['NOTPAY'], { state: 'PAYERROR' });
  }

  async queryOrder(outTradeNo: string): Promise<WechatTransactionJson | undefined> {
    const order = await this.store.findOrder(outTradeNo);
    return order && this.transactionJson(order);
  }

  async closeOrder(outTradeNo: string): Promise<void> {
    if (await this.store.updateOrder(outTradeNo, ['NOTPAY', 'PAYERROR', 'CLOSED'], { state: 'CLOSED' })) return;
    const order = await this.store.findOrder(outTradeNo);
    if (!order) throw new SimulatedWechatError(404, 'ORDER_NOT_EXIST', 'order does not exist');
    throw new SimulatedWechatError(400, 'ORDERPAID', 'order is paid');
  }

  async createRefund(
    input: { out_trade_no: string; out_refund_no: string; amount: { refund: number; total: number } },
    at: Date = new Date(),
  ): Promise<WechatRefundJson> {
    const existing = await this.store.findRefund(input.out_refund_no);
    if (existing) return this.refundJson(existing);
    const order = await this.getOrder(input.out_trade_no);
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND')
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'order is not paid');
    if (input.amount.total !== order.amountFen)
      throw new SimulatedWechatError(400, 'PARAM_ERROR', 'amount.total does not match the order');
    const refunds = await this.store.refundsOf(order.outTradeNo);
    const refunded = refunds.filter((r) => r.status !== 'CLOSED').reduce((sum, r) => sum + r.refundFen, 0);
    if (input.amount.refund <= 0 || refunded + input.amount.refund > order.amountFen)
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    if (order.successTime && Date.parse(order.successTime) + REFUND_WINDOW_MS < Date.now())
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', '订单已超过退款期限');
    if (refunds.length >= MAX_REFUNDS) throw new SimulatedWechatError(400, 'INVALID_REQUEST', '订单退款次数超过限制');
    if (await this.store.refusesRefunds(order.outTradeNo))
      throw new SimulatedWechatError(403, 'NOT_ENOUGH', '基本账户余额不足，请充值后重新发起');
    const refund: SimulatedRefund = {
      outRefundNo: input.out_refund_no,
      outTradeNo: order.outTradeNo,
      refundId: `5030${Date.now()}${randomBytes(5).toString('hex')}`.slice(0, 29),
      refundFen: input.amount.refund,
      totalFen: order.amountFen,
      status: 'PROCESSING',
      createTime: toWechatTime(at),
    };
    if (await this.store.insertRefund(refund)) return this.refundJson(refund);
    return this.refundJson(await this.getRefund(refund.outRefundNo));
  }

  /**
   * The trade bill file of `billDate` (YYYY-MM-DD, Beijing time) built from the simulator's own transactions, in
   * WeChat's format: one SUCCESS line per payment that day (also when refunded since), one REFUND line per refund
   * accepted that day with its status now.
   */
  async tradeBillFile(billDate: string): Promise<string> {
    const { orders, refunds } = await this.store.transactionsOn(billDate);
    const all = new Map(orders.map((order) => [order.outTradeNo, order]));
    for (const refund of refunds)
      if (!all.has(refund.outTradeNo)) all.set(refund.outTradeNo, await this.getOrder(refund.outTradeNo));
    const time = (wechatTime: string) => wechatTime.slice(0, 19).replace('T', ' ');
    const rows: TradeBillRow[] = [
      ...orders.map((order) => ({
        tradeTime: time(order.successTime!),
        transactionId: order.transactionId ?? '',
        outTradeNo: order.outTradeNo,
        tradeState: 'SUCCESS',
        totalFen: order.amountFen,
        refundId: '',
        outRefundNo: '',
        refundFen: 0,
        refundStatus: '',
      })),
      ...refunds.map((refund) => ({
        tradeTime: time(refund.createTime),
        transactionId: all.get(refund.outTradeNo)?.transactionId ?? '',
        outTradeNo: refund.outTradeNo,
        tradeState: 'REFUND',
        totalFen: refund.totalFen,
        refundId: refund.refundId,
        outRefundNo: refund.outRefundNo,
        refundFen: refund.refundFen,
        refundStatus: refund.status,
      })),
    ].sort((a, b) => a.tradeTime.localeCompare(b.tradeTime));
    return formatTradeBill(rows, { appId: this.appId, mchId: this.mchId });
  }

  /** WeChat finishes a refund; true for the one caller that moved it (the one that should notify). */
  async completeRefund(
    outRefundNo: string,
    status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS',
    at: Date = new Date(),
  ): Promise<boolean> {
    const refund = await this.getRefund(outRefundNo);
    const successTime = status === 'SUCCESS' ? toWechatTime(at) : undefined;
    if (!(await this.store.updateRefund(outRefundNo, ['PROCESSING'], { status, successTime }))) return false;
    if (status === 'SUCCESS')
      await this.store.updateOrder(refund.outTradeNo, ['SUCCESS', 'REFUND'], { state: 'REFUND' });
    return true;
  }

  /** Tests: the merchant's balance cannot pay this order's refunds, so WeChat refuses them (NOT_ENOUGH). */
  refuseRefundsOf(outTradeNo: string, refuse: boolean): Promise<void> {
    return this.store.setRefundRefusal(outTradeNo, refuse);
  }

  /**
   * Like WeChat, refunds succeed on their own a while after they were accepted: those older than `delayMs` are
   * finished here; the refund numbers this caller finished (and must notify about) are returned.
   */
  async settleDueRefunds(delayMs: number, now: Date = new Date(), limit = 50): Promise<string[]> {
    const due = await this.store.processingRefunds(toWechatTime(new Date(now.getTime() - delayMs)), limit);
    const settled: string[] = [];
    for (const refund of due)
      if (await this.completeRefund(refund.outRefundNo, 'SUCCESS', now)) settled.push(refund.outRefundNo);
    return settled;
  }

  /**
   * Transactions paid before the simulator kept them (the demo seed's orders): recorded as paid, so their refunds
   * work like any other. Orders the simulator already knows are left as they are.
   */
  recordPaidTransactions(
    paid: {
      outTradeNo: string;
      transactionId: string;
      amountFen: number;
      openid: string;
      paidAt: Date;
      description: string;
    }[],
  ): Promise<void> {
    return this.store.insertOrders(
      paid.map((input) => ({
        appid: this.appId,
        mchid: this.mchId,
        outTradeNo: input.outTradeNo,
        prepayId: `wx${input.paidAt.getTime()}seed`,
        description: input.description,
        amountFen: input.amountFen,
        openid: input.openid,
        expiresAt: toWechatTime(input.paidAt),
        notifyUrl: '',
        attach: '',
        state: 'SUCCESS' as const,
        transactionId: input.transactionId,
        successTime: toWechatTime(input.paidAt),
      })),
    );
  }

  async queryRefund(outRefundNo: string): Promise<WechatRefundJson | undefined> {
    const refund = await this.store.findRefund(outRefundNo);
    return refund && this.refundJson(refund);
  }

  // ---- notifications and signed responses ----

  async buildTransactionNotification(
    outTradeNo: string,
    overrides: NotificationOverrides = {},
  ): Promise<SignedNotification> {
    const order = await this.getOrder(outTradeNo);
    if (!order.transactionId) throw new SimulatedWechatError(400, 'ORDERNOTPAID', 'the order has not been paid');
    const resource = this.transactionJson(order);
    if (overrides.amountFen !== undefined) {
      // WeChat's notification is its record: the transaction really was for this amount (refunds use it as the total).
      await this.store.updateOrder(outTradeNo, [order.state], { amountFen: overrides.amountFen });
      resource.amount = { ...resource.amount!, total: overrides.amountFen, payer_total: overrides.amountFen };
    }
    if (overrides.transactionId) resource.transaction_id = overrides.transactionId;
    if (overrides.appid) resource.appid = overrides.appid;
    if (overrides.mchid) resource.mchid = overrides.mchid;
    return this.notification(
      'TRANSACTION.SUCCESS',
      '支付成功',
      'transaction',
      resource,
      overrides.timestampOffsetSeconds,
    );
  }

  async buildRefundNotification(
    outRefundNo: string,
    overrides: NotificationOverrides = {},
  ): Promise<SignedNotification> {
    const refund = await this.getRefund(outRefundNo);
    const { status, ...rest } = await this.refundJson(refund);
    const resource = { mchid: this.mchId, ...rest, refund_status: status, user_received_account: '支付用户零钱' };
    const [event, summary] = REFUND_EVENTS[refund.status];
    return this.notification(event, summary, 'refund', resource, overrides.timestampOffsetSeconds);
  }

  /** Any v3 notification (e.g. papay's PAPAY.SIGN), signed and encrypted like the transaction ones. */
  buildNotification(
    eventType: string,
    summary: string,
    originalType: string,
    resource: object,
  ): Promise<SignedNotification> {
    return this.notification(eventType, summary, originalType, resource);
  }

  /** Signs a response body the way WeChat Pay signs its API answers. */
  signResponse(body: string, at: Date = new Date()): SignedNotification['headers'] {
    const { timestamp, nonce, message } = this.toSign(body, at);
    return this.signedHeaders(timestamp, nonce, rsaSign(message, this.platformPrivateKeyObject));
  }

  /** signResponse on the thread pool (rsaSignOffLoop), for the notifications sent while requests are served. */
  private async signResponseOffLoop(body: string, at: Date): Promise<SignedNotification['headers']> {
    const { timestamp, nonce, message } = this.toSign(body, at);
    return this.signedHeaders(timestamp, nonce, await rsaSignOffLoop(message, this.platformPrivateKeyObject));
  }

  private toSign(body: string, at: Date) {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    const nonce = randomNonce(32);
    return { timestamp, nonce, message: wechatSigningMessage(timestamp, nonce, body) };
  }

  private signedHeaders(timestamp: string, nonce: string, signature: string): SignedNotification['headers'] {
    return {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
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

  /** Every message is logged (staff see the log in dev); a user marked as refusing gets WeChat's 43101. */
  async sendSubscribeMessage(input: SubscribeMessageInput, now: Date = new Date()): Promise<SubscribeMessageResult> {
    const errcode = (await this.store.refusesMessages(input.openid)) ? 43101 : 0;
    await this.store.appendMessage({ ...input, sentAt: now.toISOString(), errcode });
    return errcode ? { errcode, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' };
  }

  /** Tests: this user has used up their consent, WeChat answers 43101. */
  refuseMessagesFor(openid: string): Promise<void> {
    return this.store.refuseMessagesFor(openid);
  }

  /** Newest first. */
  listMessages(): Promise<SimulatedMessage[]> {
    return this.store.listMessages(MESSAGES_LISTED);
  }

  private samePrepay(existing: SimulatedOrder, amountFen: number): { prepay_id: string } {
    if (existing.amountFen !== amountFen)
      throw new SimulatedWechatError(400, 'INVALID_REQUEST', 'out_trade_no reused with different parameters');
    // A failed or abandoned payment leaves the order payable: WeChat hands out a prepay id again.
    if (existing.state !== 'NOTPAY' && existing.state !== 'PAYERROR') {
      throw new SimulatedWechatError(
        400,
        existing.state === 'CLOSED' ? 'ORDER_CLOSED' : 'ORDERPAID',
        `order is ${existing.state}`,
      );
    }
    return { prepay_id: existing.prepayId };
  }

  private async notification(
    eventType: string,
    summary: string,
    originalType: string,
    resource: object,
    offsetSeconds = 0,
  ): Promise<SignedNotification> {
    const now = new Date();
    // WeChat lists original_type first; keep its key order so the body reads like the real one
    const { original_type, ...encrypted } = encryptResource(
      JSON.stringify(resource),
      this.apiV3Key,
      originalType,
      originalType,
    );
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: toWechatTime(now),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: { original_type, ...encrypted },
    });
    return { headers: await this.signResponseOffLoop(body, new Date(now.getTime() + offsetSeconds * 1000)), body };
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
      trade_state_desc: {
        NOTPAY: '未支付',
        SUCCESS: '支付成功',
        CLOSED: '已关闭',
        REFUND: '转入退款',
        PAYERROR: '支付失败',
      }[order.state],
      attach: order.attach,
      payer: { openid: order.openid },
      amount: {
        total: order.amountFen,
        payer_total: paid ? order.amountFen : 0,
        currency: 'CNY',
        payer_currency: 'CNY',
      },
    };
  }

  private async refundJson(refund: SimulatedRefund): Promise<WechatRefundJson & { status: string }> {
    return {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: (await this.store.findOrder(refund.outTradeNo))?.transactionId,
      out_trade_no: refund.outTradeNo,
      status: refund.status,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      amount: {
        total: refund.totalFen,
        refund: refund.refundFen,
        payer_total: refund.totalFen,
        payer_refund: refund.refundFen,
        currency: 'CNY',
      },
    };
  }

  private async getOrder(outTradeNo: string): Promise<SimulatedOrder> {
    const order = await this.store.findOrder(outTradeNo);
    if (!order) throw new SimulatedWechatError(404, 'ORDER_NOT_EXIST', `no order ${outTradeNo}`);
    return order;
  }

  private async getRefund(outRefundNo: string): Promise<SimulatedRefund> {
    const refund = await this.store.findRefund(outRefundNo);
    if (!refund) throw new SimulatedWechatError(404, 'RESOURCE_NOT_EXISTS', `no refund ${outRefundNo}`);
    return refund;
  }
}
