import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import type { WechatLiveConfig } from '../../config/app-config';
import type {
  JsapiOrderInput, NotifyHeaders, RefundInput, SubscribeMessageInput, SubscribeMessageResult, WechatGateway, WechatNotification, WechatRefund,
  WechatSession, WechatTransaction,
} from '../wechat-gateway';
import { parseWechatPayNotification, verifyWechatSignature, WechatPayPlatform } from '../pay/notify-verifier';
import { buildAuthorization, randomNonce, toWechatTime } from '../pay/pay-crypto';
import { signPaymentParams } from '../pay/payment-params';
import { toRefund, toTransaction, WechatRefundJson, WechatTransactionJson } from '../pay/wechat-pay-resources';

/** A WeChat API answered with an error (`errcode` for the mini-program APIs, `code` for WeChat Pay). */
export class WechatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | number,
    message: string,
  ) {
    super(`WeChat ${status} ${code}: ${message}`);
  }
}

const TIMEOUT_MS = 8_000;

/**
 * `WECHAT_MODE=live`: WeChat's documented HTTP APIs. Every WeChat Pay request is signed
 * (WECHATPAY2-SHA256-RSA2048) and every answer's signature is verified before it is believed.
 */
export class LiveWechatGateway implements WechatGateway {
  private readonly merchantKey: KeyObject;
  private readonly platform: WechatPayPlatform;
  private accessToken?: { value: string; expiresAt: number };

  constructor(
    private readonly config: WechatLiveConfig,
    private readonly http: typeof fetch = fetch,
  ) {
    this.merchantKey = createPrivateKey(config.payPrivateKey);
    this.platform = { publicKey: createPublicKey(config.platformPublicKey), publicKeyId: config.platformPublicKeyId, apiV3Key: config.apiV3Key };
  }

  async code2Session(code: string): Promise<WechatSession> {
    const query = new URLSearchParams({ appid: this.config.appId, secret: this.config.secret, js_code: code, grant_type: 'authorization_code' });
    const json = await this.getJson<{ openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }>(`${this.config.apiBase}/sns/jscode2session?${query}`);
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
    return { prepayId: prepay_id, params: signPaymentParams(this.config.appId, prepay_id, this.merchantKey) };
  }

  async queryTransaction(outTradeNo: string): Promise<WechatTransaction | null> {
    try {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.config.mchId}`;
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
    return parseWechatPayNotification(headers, rawBody, this.platform, now);
  }

  /** 43101 (no consent left) and other errcodes are results, not exceptions: the reminder records them. */
  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    const token = await this.token();
    const response = await this.http(`${this.config.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: input.openid, template_id: input.templateId, page: input.page, data: input.data, miniprogram_state: input.miniprogramState ?? 'formal', lang: 'zh_CN' }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const json = (await response.json()) as SubscribeMessageResult;
    if (json.errcode === 40001 || json.errcode === 42001) this.accessToken = undefined;
    return { errcode: json.errcode ?? 0, errmsg: json.errmsg ?? '' };
  }

  identity() {
    return { appId: this.config.appId, mchId: this.config.mchId };
  }

  /** Cached until five minutes before WeChat says it expires. */
  private async token(): Promise<string> {
    if (this.accessToken && this.accessToken.expiresAt > Date.now()) return this.accessToken.value;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.secret });
    const json = await this.getJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(`${this.config.apiBase}/cgi-bin/token?${query}`);
    if (!json.access_token) throw new WechatApiError(400, json.errcode ?? -1, json.errmsg ?? 'no access_token');
    this.accessToken = { value: json.access_token, expiresAt: Date.now() + ((json.expires_in ?? 7200) - 300) * 1000 };
    return json.access_token;
  }

  private async getJson<T>(url: string): Promise<T> {
    const response = await this.http(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return (await response.json()) as T;
  }

  private async pay<T>(method: 'GET' | 'POST', urlPath: string, payload?: object): Promise<T> {
    const body = payload ? JSON.stringify(payload) : '';
    const authorization = buildAuthorization(
      { method, urlPath, body, timestamp: String(Math.floor(Date.now() / 1000)), nonce: randomNonce(32) },
      { mchId: this.config.mchId, serialNo: this.config.paySerial, privateKey: this.merchantKey },
    );
    const response = await this.http(`${this.config.payApiBase}${urlPath}`, {
      method,
      headers: { authorization, accept: 'application/json', 'user-agent': 'member-commerce', ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { body } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) {
      let error: { code?: string; message?: string } = {};
      try {
        error = JSON.parse(text);
      } catch {
        // not JSON: report the status alone
      }
      throw new WechatApiError(response.status, error.code ?? response.status, error.message ?? text.slice(0, 200));
    }
    verifyWechatSignature(Object.fromEntries(response.headers), text, this.platform);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
