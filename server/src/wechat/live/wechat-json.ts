import { WechatApiError } from '../wechat-api-error';

/** The mini-program APIs answer 200 with `errcode` in the body; anything else is a transport failure. */
export async function fetchWechatJson<T>(
  http: typeof fetch,
  url: string,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<T> {
  const response = await http(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (!response.ok) throw new WechatApiError(response.status, response.status, text.slice(0, 200));
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new WechatApiError(502, 'BAD_RESPONSE', 'answer is not JSON');
  }
}
