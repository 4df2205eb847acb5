import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import type { WechatLiveConfig } from '../../config/app-config';
import type {
  JsapiOrderInput,
  NotifyHeaders,
  RefundInput,
  SubscribeMessageInput,
  SubscribeMessageResult,
  WechatGateway,
  WechatNotification,
  WechatRefund,
  WechatSession,
  WechatTransaction,
} from '../wechat-gateway';
import { WechatApiError } from '../wechat-api-error';
import { parseWechatPayNotification, verifyWechatSignature, WechatPayPlatform } from '../pay/notify-verifier';
import { buildAuthorization, randomNonce, toWechatTime } from '../pay/pay-crypto';
import { signPaymentParams } from '../pay/payment-params';
import { parseTradeBill, TradeBill, TradeBillFormatError, tradeBillSha1 } from '../pay/trade-bill';
import { toRefund, toTransaction, WechatRefundJson, WechatTransactionJson } from '../pay/wechat-pay-resources';
import {
  PAPAY_PATHS,
  PAPAY_SIGN_MINIPROGRAM,
  PapayApplyBody,
  PapayContractEvent,
  PapayNotifyBody,
  PapayPreSignBody,
  parsePapayNotification,
} from '../papay/papay-wire';
import { StableAccessToken } from './stable-access-token';
import { fetchWechatJson } from './wechat-json';

/** Side effects the gateway uses, injectable so specs are deterministic. */
export interface LiveWechatGatewayOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  nonce?: () => string;
  timeoutMs?: number;
  /** Shared with the mini-program gateway, so the process keeps one token. */
  accessToken?: StableAccessToken;
}

/**
 * `WECHAT_MODE=live`: WeChat's documented HTTP APIs. Every WeChat Pay request is signed
 * (WECHATPAY2-SHA256-RSA2048) and every successful answer's signature is verified before it is believed.
 */
export class LiveWechatGateway implements WechatGateway {
  private readonly merchantKey: KeyObject;
  private readonly platform: WechatPayPlatform;
  private readonly http: typeof fetch;
  private readonly now: () => Date;
  private readonly nonce: () => string;
  private readonly timeoutMs: number;
  private readonly accessToken: StableAccessToken;

  constructor(
    private readonly config: WechatLiveConfig,
    options: LiveWechatGatewayOptions = {},
  ) {
    this.merchantKey = createPrivateKey(config.payPrivateKey);
    this.platform = {
      publicKey: createPublicKey(config.platformPublicKey),
      publicKeyId: config.platformPublicKeyId,
      apiV3Key: config.apiV3Key,
    };
    this.http = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.nonce = options.nonce ?? (() => randomNonce(32));
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.accessToken =
      options.accessToken ??
      new StableAccessToken(config, { fetch: this.http, now: this.now, timeoutMs: this.timeoutMs });
  }

  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const json = await this.getJson<{
      openid?: string;
      unionid?: string;
      session_key?: string;
      errcode?: number;
      errmsg?: string;
    }>(`${this.config.apiBase}/sns/jscode2session?${query}`);
    if (json.errcode || !json.openid || !json.session_key)
      throw new WechatApiError(400, json.errcode ?? -1, json.errmsg ?? 'no openid');
    return { openid: json.openid, unionid: json.unionid, sessionKey: json.session_key };
  }

  async createJsapiPayment(input: JsapiOrderInput) {
    const { prepay_id } = await this.pay<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: toWechatTime(input.expiresAt),
      notify_url: this.config.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
      ...(input.attach ? { attach: input.attach } : {}),
    });
    if (typeof prepay_id !== 'string' || !prepay_id)
      throw new WechatApiError(502, 'NO_PREPAY_ID', 'prepay answer has no prepay_id');
    return {
      prepayId: prepay_id,
      params: await signPaymentParams(this.config.appId, prepay_id, this.merchantKey, this.now(), this.nonce()),
    };
  }

  async queryTransaction(outTradeNo: string): Promise<WechatTransaction | null> {
    try {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchId)}`;
      return toTransaction(await this.pay<WechatTransactionJson>('GET', path));
    } catch (error) {
      if (error instanceof WechatApiError && error.status === 404) return null;
      throw error;
    }
  }

  async closeTransaction(outTradeNo: string): Promise<void> {
    await this.pay('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.config.mchId,
    });
  }

  async createRefund(input: RefundInput): Promise<WechatRefund> {
    return toRefund(
      await this.pay<WechatRefundJson>('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(input.reason ? { reason: input.reason.slice(0, 80) } : {}),
        notify_url: this.config.notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      }),
    );
  }

  async queryRefund(outRefundNo: string): Promise<WechatRefund | null> {
    try {
      return toRefund(
        await this.pay<WechatRefundJson>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`),
      );
    } catch (error) {
      if (error instanceof WechatApiError && error.status === 404) return null;
      throw error;
    }
  }

  parseNotification(headers: NotifyHeaders, rawBody: string, now?: Date): WechatNotification {
    return parseWechatPayNotification(headers, rawBody, this.platform, now ?? this.now());
  }

  /** 43101 (no consent left) and other errcodes are results, not exceptions: the reminder records them. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    const body = JSON.stringify({
      touser: input.openid,
      template_id: input.templateId,
      page: input.page,
      data: input.data,
      miniprogram_state: input.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    });
    return this.accessToken.call((token) => this.postSubscribeMessage(token, body));
  }

  /**
   * `GET /v3/bill/tradebill` (signed; its answer's signature verified) names a download_url valid for minutes and the
   * SHA1 of the file; the file itself (a signed GET, answered unsigned) is checked against that hash before it is read.
   */
  async downloadTradeBill(billDate: string): Promise<TradeBill> {
    let ticket: { hash_type?: string; hash_value?: string; download_url?: string };
    try {
      ticket = await this.pay('GET', `/v3/bill/tradebill?bill_date=${encodeURIComponent(billDate)}&bill_type=ALL`);
    } catch (error) {
      // WeChat produces no file for a day without transactions.
      if (error instanceof WechatApiError && error.code === 'NO_STATEMENT_EXIST')
        return { rows: [], summary: { count: 0, totalFen: 0, refundFen: 0 } };
      throw error;
    }
    if (!ticket.download_url || !ticket.hash_value)
      throw new WechatApiError(502, 'BAD_RESPONSE', 'bill answer has no download_url or hash_value');
    if ((ticket.hash_type ?? 'SHA1').toUpperCase() !== 'SHA1')
      throw new WechatApiError(502, 'BAD_RESPONSE', `unknown bill hash_type ${ticket.hash_type}`);
    const url = new URL(ticket.download_url);
    const response = await this.http(url, {
      headers: {
        authorization: this.authorization('GET', `${url.pathname}${url.search}`, ''),
        accept: '*/*',
        'user-agent': 'member-commerce',
      },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const file = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw payError(response.status, file.toString('utf8'));
    if (tradeBillSha1(file) !== ticket.hash_value.toLowerCase())
      throw new WechatApiError(502, 'BILL_HASH_MISMATCH', `the ${billDate} bill does not match its SHA1`);
    try {
      return parseTradeBill(file.toString('utf8'));
    } catch (error) {
      if (error instanceof TradeBillFormatError) throw new WechatApiError(502, 'BAD_RESPONSE', error.message);
      throw error;
    }
  }

  identity() {
    return { appId: this.config.appId, mchId: this.config.mchId };
  }

  // ---- 委托代扣 (papay) ----

  async papayPreSign(input: { outContractCode: string; openid: string; displayAccount: string }) {
    if (!this.config.papayPlanId) throw new WechatApiError(400, 'NO_PLAN', 'WECHAT_PAPAY_PLAN_ID is not configured');
    const body: PapayPreSignBody = {
      appid: this.config.appId,
      openid: input.openid,
      plan_id: this.config.papayPlanId,
      out_contract_code: input.outContractCode,
      contract_display_account: input.displayAccount,
      contract_notify_url:
        this.config.papayNotifyUrl ?? new URL('/api/auto-renew/wechat/notify', this.config.notifyUrl).toString(),
    };
    const { pre_entrustweb_id } = await this.pay<{ pre_entrustweb_id?: string }>('POST', PAPAY_PATHS.preSign, body);
    if (!pre_entrustweb_id)
      throw new WechatApiError(502, 'NO_PRE_ENTRUSTWEB_ID', 'pre-sign answer has no pre_entrustweb_id');
    return { ...PAPAY_SIGN_MINIPROGRAM, extraData: { pre_entrustweb_id } };
  }

  async papayNotify(input: { contractId: string; amountFen: number; durationDays: number }): Promise<void> {
    const body: PapayNotifyBody = {
      mchid: this.config.mchId,
      appid: this.config.appId,
      deduct_duration: { count: input.durationDays, unit: 'DAY' },
      estimated_amount: { amount: input.amountFen, currency: 'CNY' },
    };
    await this.pay('POST', PAPAY_PATHS.notify(input.contractId), body);
  }

  async papayCharge(input: {
    contractId: string;
    outTradeNo: string;
    description: string;
    amountFen: number;
  }): Promise<void> {
    const body: PapayApplyBody = {
      appid: this.config.appId,
      out_trade_no: input.outTradeNo,
      description: input.description,
      transaction_notify_url: this.config.notifyUrl,
      contract_id: input.contractId,
      amount: { total: input.amountFen, currency: 'CNY' },
    };
    await this.pay('POST', PAPAY_PATHS.apply, body);
  }

  async papayTerminate(contractId: string, note: string): Promise<void> {
    await this.pay('POST', PAPAY_PATHS.terminate(contractId), {
      appid: this.config.appId,
      termination_note: note.slice(0, 256),
    });
  }

  parsePapayNotification(headers: NotifyHeaders, rawBody: string, now?: Date): PapayContractEvent {
    return parsePapayNotification(headers, rawBody, this.platform, now ?? this.now());
  }

  private async postSubscribeMessage(token: string, body: string): Promise<SubscribeMessageResult> {
    const json = await this.getJson<Partial<SubscribeMessageResult>>(
      `${this.config.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      },
    );
    return { errcode: json.errcode ?? 0, errmsg: json.errmsg ?? '' };
  }

  private getJson<T>(url: string, init: RequestInit = {}): Promise<T> {
    return fetchWechatJson<T>(this.http, url, this.timeoutMs, init);
  }

  private authorization(method: 'GET' | 'POST', urlPath: string, body: string): string {
    return buildAuthorization(
      { method, urlPath, body, timestamp: String(Math.floor(this.now().getTime() / 1000)), nonce: this.nonce() },
      { mchId: this.config.mchId, serialNo: this.config.paySerial, privateKey: this.merchantKey },
    );
  }

  private async pay<T>(method: 'GET' | 'POST', urlPath: string, payload?: object): Promise<T> {
    const body = payload ? JSON.stringify(payload) : '';
    const authorization = this.authorization(method, urlPath, body);
    const response = await this.http(`${this.config.payApiBase}${urlPath}`, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        'user-agent': 'member-commerce',
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body } : {}),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw payError(response.status, text);
    // A forged or replayed answer must not move money: WechatNotifyRejectedError propagates to the caller.
    verifyWechatSignature(Object.fromEntries(response.headers), text, this.platform, this.now());
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new WechatApiError(502, 'BAD_RESPONSE', 'answer is not JSON');
    }
  }
}

function payError(status: number, text: string): WechatApiError {
  let error: { code?: string; message?: string } = {};
  try {
    error = JSON.parse(text);
  } catch {
    // not JSON: report the status alone
  }
  return new WechatApiError(status, error.code ?? status, error.message ?? text.slice(0, 200));
}
