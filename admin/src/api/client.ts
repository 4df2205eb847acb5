// The admin's only way to the server: openapi-fetch typed by the contract generated from /api/docs-json
// (`ApiPaths`, `pnpm api:generate`). A call names a path of that contract, never a URL string:
//   export const getTier = (id: number) =>
//     call<AdminTierView>(api.GET('/api/admin/tiers/{id}', { params: { path: { id } } }));
// `call<T>` resolves the body as the shared type T, which the compiler checks the contract's response fits
// (call.test-d.ts), or rejects with an ApiError; `download` streams a file.
// scripts/api-client.test.mjs fails on an '/api/…' string anywhere else in admin/src.
import createClient, { type Middleware } from 'openapi-fetch';
import type { ApiErrorBody, ApiPaths } from '@member-commerce/shared';
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

/** Listeners told when the server rejects the token, so the app can go back to login. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Query strings leave out empty filters (undefined, null, ''). */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** A wrong password at login is a 401 too, but not a lost session. */
const LOGIN_PATH = '/api/admin/auth/login' satisfies keyof ApiPaths;

const staffSession: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && schemaPath !== LOGIN_PATH) {
      clearSession();
      unauthorizedListeners.forEach((listener) => listener());
    }
  },
};

export const api = createClient<ApiPaths>({ baseUrl: API_BASE, querySerializer: serializeQuery });
api.use(staffSession);

interface Sent {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function toApiError(response: Response, error: unknown): ApiError {
  const body: Partial<ApiErrorBody> = error && typeof error === 'object' ? (error as ApiErrorBody) : {};
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return new ApiError(response.status, body.code ?? `HTTP_${response.status}`, message || response.statusText || '请求失败', body.details);
}

/** Waits for a typed call; a network failure or a non-2xx answer becomes an ApiError. */
async function settle<R extends Sent>(sending: Promise<R>): Promise<R> {
  let sent: R;
  try {
    sent = await sending;
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '网络错误，无法连接服务器');
  }
  if (!sent.response.ok) throw toApiError(sent.response, sent.error);
  return sent;
}

/**
 * The answer's body (undefined for 204). Named `call<SharedType>(…)`, the compiler checks that the contract's
 * response type fits the shared type (no cast); left unnamed, the contract's type is the result.
 */
export async function call<T>(sending: Promise<Sent & { data?: T }>): Promise<T> {
  return (await settle(sending)).data as T;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

function fileNameOf(response: Response): string | null {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1] ?? match[2]) : null;
}

/**
 * A file download (exports): send the call with `parseAs: 'stream'`; the body is read here, reporting the
 * bytes received so far when `onProgress` is given, with the server's file name when it gives one.
 */
export async function download(sending: Promise<Sent>, onProgress?: (bytes: number) => void): Promise<DownloadedFile> {
  const { response, data } = await settle(sending);
  const fileName = fileNameOf(response);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const reader = (data as ReadableStream<Uint8Array> | null | undefined)?.getReader();
  if (!reader) return { blob: new Blob([], { type }), fileName };
  const chunks: BlobPart[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.byteLength;
    onProgress?.(bytes);
  }
  return { blob: new Blob(chunks, { type }), fileName };
}
