import { WechatApiError } from '../wechat-api-error';
import { fetchWechatJson } from './wechat-json';

/** Errcodes that mean our cached access token is no longer valid. */
const STALE_TOKEN_ERRCODES = [40001, 42001];

export interface StableAccessTokenOptions {
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/**
 * The access token from `getStableAccessToken` (`POST /cgi-bin/stable_token`) in normal mode: while a token is
 * valid WeChat hands every caller the same one, so several API processes never invalidate each other's token
 * (as `/cgi-bin/token` does). `force_refresh` is never used: it would cut off every other process.
 */
export class StableAccessToken {
  private cached?: { value: string; expiresAt: number };
  private readonly http: typeof fetch;
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(
    private readonly app: { appId: string; secret: string; apiBase: string },
    options: StableAccessTokenOptions = {},
  ) {
    this.http = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 8_000;
  }

  /** Cached until a minute before WeChat says it expires (WeChat renews it five minutes early and keeps both valid). */
  async get(): Promise<string> {
    const now = this.now().getTime();
    if (this.cached && this.cached.expiresAt > now) return this.cached.value;
    const json = await fetchWechatJson<{
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    }>(this.http, `${this.app.apiBase}/cgi-bin/stable_token`, this.timeoutMs, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.app.appId,
        secret: this.app.secret,
        force_refresh: false,
      }),
    });
    if (!json.access_token) throw new WechatApiError(400, json.errcode ?? -1, json.errmsg ?? 'no access_token');
    const lifetimeSeconds = Math.max((json.expires_in ?? 7200) - 60, 30);
    this.cached = { value: json.access_token, expiresAt: now + lifetimeSeconds * 1000 };
    return json.access_token;
  }

  /** Runs a call with the token; when WeChat calls the token stale, asks again once and repeats the call. */
  async call<T extends { errcode?: number }>(request: (token: string) => Promise<T>): Promise<T> {
    const result = await request(await this.get());
    if (!STALE_TOKEN_ERRCODES.includes(result.errcode ?? 0)) return result;
    this.cached = undefined;
    return request(await this.get());
  }
}
