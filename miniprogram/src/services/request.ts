import Taro from '@tarojs/taro';
import { errorTextFor, type ApiErrorBody } from '@member-commerce/shared';
import { ApiError } from './api-error';
import { apiBase } from './env';
import { session } from './session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `required`: log in first (and again on 401); `optional`: send the token if we have one; `none`. */
export type AuthMode = 'required' | 'optional' | 'none';

export interface RequestOptions {
  data?: unknown;
  query?: Record<string, string | number | undefined | null>;
  auth?: AuthMode;
  /** Default `application/json`; raw uploads send their own type with an ArrayBuffer as `data`. */
  contentType?: string;
}

/** Set by services/auth.ts; kept as a hook here so request.ts does not import the login flow. */
let loginHandler: (() => Promise<string>) | null = null;
export function setLoginHandler(handler: () => Promise<string>) {
  loginHandler = handler;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${apiBase}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

async function tokenFor(auth: AuthMode): Promise<string> {
  if (auth === 'none') return '';
  const token = session.getToken();
  if (token || auth === 'optional') return token;
  if (!loginHandler) throw new ApiError('LOGIN_REQUIRED', '请先登录');
  return loginHandler();
}

async function send<T>(method: Method, path: string, options: RequestOptions, token: string) {
  // No body, no Content-Type: Fastify refuses an empty body declared as JSON (a bare DELETE).
  const header: Record<string, string> =
    options.data === undefined ? {} : { 'Content-Type': options.contentType ?? 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    return await Taro.request<T | ApiErrorBody>({
      url: buildUrl(path, options.query),
      method,
      data: options.data as never,
      header,
      dataType: 'json',
      timeout: 15000,
    });
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', '网络不可用，请稍后重试', 0, error);
  }
}

function failure(statusCode: number, body: unknown): ApiError {
  const err = (body ?? {}) as Partial<ApiErrorBody>;
  // Customers read the shop's sentence for the code; the server's message is for developers.
  if (err.code) return new ApiError(err.code, errorTextFor(err.code), statusCode, err.details);
  return new ApiError('HTTP_ERROR', `请求失败（${statusCode}）`, statusCode, err.details);
}

/**
 * The one way the storefront talks to the server: base URL and token live here, a 401 triggers one
 * transparent re-login and retry, and every failure becomes an ApiError `{ code, message }`.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const auth = options.auth ?? 'required';
  let token = await tokenFor(auth);
  let res = await send<T>(method, path, options, token);
  if (res.statusCode === 401 && auth !== 'none') {
    // Expired or revoked session: log in again once. An optional-auth call (catalogue) still tries,
    // so a member keeps member prices, but falls back to anonymous when no silent login is possible.
    session.clearToken();
    token = auth === 'required' ? await tokenFor('required') : await tokenFor('required').catch(() => '');
    res = await send<T>(method, path, options, token);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  throw failure(res.statusCode, res.data);
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, data?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, data: data ?? {} }),
  put: <T>(path: string, data?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, data: data ?? {} }),
  patch: <T>(path: string, data?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, data: data ?? {} }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** Raw bytes (an image) as the body, typed by `contentType`. */
  upload: <T>(path: string, bytes: ArrayBuffer, contentType: string) =>
    request<T>('POST', path, { data: bytes, contentType }),
};
