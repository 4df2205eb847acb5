// The one way the storefront talks to the server: openapi-fetch typed by the contract generated from
// /api/docs-json (`ApiPaths`, `pnpm api:generate`), sending through Taro.request (weapp has no fetch). A call
// names a path of that contract, never a URL string, on the client for its kind of login:
//   export const getOrder = (id: number) => call<OrderView>(api.GET('/api/orders/{id}', { params: { path: { id } } }));
//   api: log in first (and again on 401) · publicApi: send the token when we have one · anonymousApi: never.
// `call<T>` resolves the body as the shared type T, which the compiler checks the contract's response fits
// (call.test-d.ts), or rejects with an ApiError `{ code, message }`.
// scripts/api-client.test.mjs fails on an '/api/…' string anywhere else in miniprogram/src.
import Taro from '@tarojs/taro';
import createClient from 'openapi-fetch';
import { errorTextFor, type ApiErrorBody, type ApiPaths } from '@member-commerce/shared';
import { ApiError } from './api-error';
import { apiBase } from './env';
import { session } from './session';

/** `required`: log in first (and again on 401); `optional`: send the token if we have one; `none`. */
export type AuthMode = 'required' | 'optional' | 'none';

/** Set by services/auth.ts; kept as a hook here so request.ts does not import the login flow. */
let loginHandler: (() => Promise<string>) | null = null;
export function setLoginHandler(handler: () => Promise<string>) {
  loginHandler = handler;
}

async function tokenFor(auth: AuthMode): Promise<string> {
  if (auth === 'none') return '';
  const token = session.getToken();
  if (token || auth === 'optional') return token;
  if (!loginHandler) throw new ApiError('LOGIN_REQUIRED', '请先登录');
  return loginHandler();
}

/** What openapi-fetch builds for each call; its headers are a Headers (weapp: the shim in fetch-shims.ts). */
class TaroRequest {
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
  constructor(
    readonly url: string,
    init: { method?: string; headers: Headers; body?: unknown },
  ) {
    this.method = init.method ?? 'GET';
    this.headers = init.headers;
    this.body = init.body;
  }
}

/** Taro.request's answer as the part of a fetch Response that openapi-fetch reads. */
class TaroResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText = '';
  readonly headers: { get(name: string): string | null };
  constructor(private readonly result: Taro.request.SuccessCallbackResult<any>) {
    this.status = result.statusCode;
    this.ok = result.statusCode >= 200 && result.statusCode < 300;
    const header = (result.header ?? {}) as Record<string, string>;
    this.headers = {
      get: (name) => {
        const key = Object.keys(header).find((k) => k.toLowerCase() === name.toLowerCase());
        return key === undefined ? null : String(header[key]);
      },
    };
  }
  async json(): Promise<unknown> {
    const { data } = this.result;
    return typeof data === 'string' && data ? JSON.parse(data) : data;
  }
  async text(): Promise<string> {
    const { data } = this.result;
    return typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);
  }
}

async function send(request: TaroRequest, token: string) {
  const header: Record<string, string> = {};
  request.headers.forEach((value, key) => {
    header[key] = value;
  });
  // wx.request always declares JSON, and the server refuses a declared-but-empty body: send `{}` instead.
  let data = request.body;
  if (data === undefined && request.method !== 'GET') {
    data = '{}';
    header['content-type'] = 'application/json';
  }
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    return await Taro.request<any>({
      url: request.url,
      method: request.method as keyof Taro.request.Method,
      data: data as never,
      header,
      dataType: 'json',
      timeout: 15000,
    });
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', '网络不可用，请稍后重试', 0, error);
  }
}

/** A fetch on Taro.request: the token for `auth`, and one transparent re-login and retry on a 401. */
function taroFetch(auth: AuthMode) {
  return async (request: TaroRequest): Promise<Response> => {
    let token = await tokenFor(auth);
    let res = await send(request, token);
    if (res.statusCode === 401 && auth !== 'none') {
      // Expired or revoked session: log in again once. An optional-auth call (catalogue) still tries,
      // so a member keeps member prices, but falls back to anonymous when no silent login is possible.
      session.clearToken();
      token = auth === 'required' ? await tokenFor('required') : await tokenFor('required').catch(() => '');
      res = await send(request, token);
    }
    return new TaroResponse(res) as unknown as Response;
  };
}

/** Query strings leave out empty filters (undefined, null, ''). */
function serializeQuery(query: Record<string, unknown>): string {
  return Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function clientFor(auth: AuthMode) {
  return createClient<ApiPaths>({
    baseUrl: apiBase,
    Request: TaroRequest as unknown as typeof Request,
    fetch: taroFetch(auth) as unknown as (request: Request) => Promise<Response>,
    querySerializer: serializeQuery,
  });
}

export const api = clientFor('required');
/** Catalogue calls: a member token turns prices into member prices. */
export const publicApi = clientFor('optional');
export const anonymousApi = clientFor('none');

function failure(statusCode: number, body: unknown): ApiError {
  const err = (body ?? {}) as Partial<ApiErrorBody>;
  // Customers read the shop's sentence for the code; the server's message is for developers.
  if (err.code) return new ApiError(err.code, errorTextFor(err.code), statusCode, err.details);
  return new ApiError('HTTP_ERROR', `请求失败（${statusCode}）`, statusCode, err.details);
}

/**
 * The answer's body; a failure becomes an ApiError. Named `call<SharedType>(…)`, the compiler checks that the
 * contract's response type fits the shared type (no cast); left unnamed, the contract's type is the result.
 */
export async function call<T>(sending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await sending;
  if (!response.ok) throw failure(response.status, error);
  return data as T;
}

/** Raw bytes (an image) as the body, typed by `contentType`: pass as the call's init. */
export const rawBody = (bytes: ArrayBuffer, contentType: string) => ({
  body: bytes as never,
  bodySerializer: (body: unknown) => body,
  headers: { 'Content-Type': contentType },
});
