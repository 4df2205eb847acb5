import type { ErrorCode } from '@member-commerce/shared';

/** Client-only codes, next to the server's ErrorCode values. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'LOGIN_REQUIRED' | 'PAYMENT_CANCELLED' | 'HTTP_ERROR';

/** Every failed call surfaces as `{ code, message }`, whatever went wrong underneath. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode | string,
    message: string,
    readonly statusCode = 0,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = (error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message;
  return new ApiError('HTTP_ERROR', message || '出错了，请稍后重试');
}

export const isLoginRequired = (error: unknown) => toApiError(error).code === 'LOGIN_REQUIRED';
