import type { ApiErrorBody } from '@member-commerce/shared';
import { clearSession, getToken } from '../auth/session';

/** Same origin as the server in production; override with VITE_API_BASE for a remote API. */
const API_BASE: string = import.meta.env.VITE_API_BASE ?? '';

/** Every failed request becomes one of these: the server's error code and a message fit to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Listeners told when the server rejects the token, so the app can go back to login. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: Partial<ApiErrorBody> = {};
  try {
    body = text ? (JSON.parse(text) as ApiErrorBody) : {};
  } catch {
    // not JSON (a proxy error page): fall through to the status text
  }
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, message || res.statusText || '请求失败', body.details);
}

/** Sends a request with the staff token; resolves the JSON body or rejects with an ApiError. */
async function send(method: Method, path: string, options: { query?: Query; body?: unknown; form?: FormData } = {}): Promise<Response> {
  let res: Response;
  try {
    // A FormData body sets its own multipart content type (with the boundary).
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers: {
        ...authHeaders(),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络错误，无法连接服务器');
  }
  if (res.status === 401 && !path.endsWith('/auth/login')) {
    clearSession();
    unauthorizedListeners.forEach((listener) => listener());
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function json<T>(method: Method, path: string, options: { query?: Query; body?: unknown; form?: FormData } = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => json<T>('GET', path, { query }),
  post: <T>(path: string, body: unknown = {}) => json<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => json<T>('DELETE', path),
  /** A multipart upload (pictures). */
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, { form }),
  /** A file download (exports): the body as a Blob plus the server's file name when it gives one. */
  async blob(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
    const res = await send('GET', path, { query });
    const disposition = res.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const fileName = match ? decodeURIComponent(match[1] ?? match[2]) : null;
    return { blob: await res.blob(), fileName };
  },
  /** A streamed file download that reports the bytes received so far, for exports that take a while. */
  async download(
    path: string,
    query: Query | undefined,
    onProgress: (bytes: number) => void,
  ): Promise<{ blob: Blob; fileName: string | null }> {
    const res = await send('GET', path, { query });
    const disposition = res.headers.get('content-disposition') ?? '';
    const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const fileName = match ? decodeURIComponent(match[1] ?? match[2]) : null;
    const reader = res.body?.getReader();
    if (!reader) return { blob: await res.blob(), fileName };
    const chunks: BlobPart[] = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      onProgress(bytes);
    }
    return { blob: new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }), fileName };
  },
};
