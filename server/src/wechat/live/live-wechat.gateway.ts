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
import { toRefund, toTransaction, WechatRefundJson, WechatTransactionJson } from '../pay/wechat-pay-resources';
import { StableAccessToken } from './stable-access-token';
import { fetchWechatJson } from './wechat-json';

export { WechatApiError } from '../wechat-api-error';

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
    this.platform = { publicKey: createPublicKey(config.platformPublicKey), publicKeyId: config.platformPublicKeyId, apiV3Key: config.apiV3Key };
    this.http = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.nonce = options.nonce ?? (() => randomNonce(32));
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.accessToken = options.accessToken ?? new StableAccessToken(config, { fetch: this.http, now: this.now, timeoutMs: this.timeoutMs });
  }

  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({ appid: this.config.appId, secret: this.config.secret, js_code: code, grant_type: 'authorization_code' });
    const json = await this.getJson<{ openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }>(
      `${this.config.apiBase}/sns/jscode2session?${query}`,
    );
    if (json.errcode || !json.openid || !json.session_key) throw new WechatApiError(400, json.errcode ?? -1, json.errmsg ?? 'no openid');
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
    if (typeof prepay_id !== 'string' || !prepay_id) throw new WechatApiError(502, 'NO_PREPAY_ID', 'prepay answer has no prepay_id');
    return { prepayId: prepay_id, params: signPaymentParams(this.config.appId, prepay_id, this.merchantKey, this.now(), this.nonce()) };
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
    await this.pay('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.config.mchId });
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
      return toRefund(await this.pay<WechatRefundJson>('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`));
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

  identity() {
    return { appId: this.config.appId, mchId: this.config.mchId };
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

  private async pay<T>(method: 'GET' | 'POST', urlPath: string, payload?: object): Promise<T> {
    const body = payload ? JSON.stringify(payload) : '';
    const authorization = buildAuthorization(
      { method, urlPath, body, timestamp: String(Math.floor(this.now().getTime() / 1000)), nonce: this.nonce() },
      { mchId: this.config.mchId, serialNo: this.config.paySerial, privateKey: this.merchantKey },
    );
    const response = await this.http(`${this.config.payApiBase}${urlPath}`, {
      method,
      headers: { authorization, accept: 'application/json', 'user-agent': 'member-commerce', ...(payload ? { 'content-type': 'application/json' } : {}) },
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
