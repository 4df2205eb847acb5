/**
 * A WeChat API answered with an error: `errcode` for the mini-program APIs, `code` for WeChat Pay. Both
 * gateways throw it, so callers handle one error type whichever mode runs.
 */
export class WechatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | number,
    message: string,
  ) {
    super(`WeChat ${status} ${code}: ${message}`);
  }
}
