import { message as staticMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { errorTextFor } from '@member-commerce/shared';
import { ApiError } from './api/client';

/**
 * Failures are shown with antd `message`. The instance comes from <App> (set by FeedbackBridge) so it
 * follows the theme and locale; before that, the static one.
 */
let messageApi: MessageInstance = staticMessage;

export function setMessageApi(api: MessageInstance): void {
  messageApi = api;
}

/** Client-side failures, next to the server's codes (whose text lives in shared/). */
const CLIENT_ERROR_TEXT: Record<string, string> = {
  NETWORK_ERROR: '网络错误，无法连接服务器',
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED') return `输入有误：${error.message}`;
    return CLIENT_ERROR_TEXT[error.code] ?? errorTextFor(error.code);
  }
  return error instanceof Error ? error.message : String(error);
}

export function showError(error: unknown): void {
  // A 401 already sends the user to login; no second message needed.
  if (error instanceof ApiError && error.status === 401) return;
  void messageApi.error(errorText(error));
}

export function showSuccess(text: string): void {
  void messageApi.success(text);
}
