import { message as staticMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { errorTextFor, refundRefusalText } from '@member-commerce/shared';
import { ORDER_STATUS } from './labels';
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

const statusText = (status: unknown) =>
  typeof status === 'string' && status in ORDER_STATUS ? ORDER_STATUS[status as keyof typeof ORDER_STATUS].text : '当前状态';

/** The Chinese sentence for a code, made precise by the details the server sent with it (never its English message). */
function detailedText(code: string, details: unknown): string | undefined {
  const facts = (typeof details === 'object' && details !== null ? details : {}) as Record<string, unknown>;
  if (code === 'INVALID_ORDER_TRANSITION' && facts.from && facts.to)
    return `${statusText(facts.from)}的订单不能改为${statusText(facts.to)}`;
  if (code === 'REFUND_REJECTED' && facts.wechatCode !== undefined)
    return `${refundRefusalText(facts.wechatCode as string)}。可在订单详情中重试或关闭这笔退款`;
  return undefined;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    // A validation message is shown only when the server wrote it for people (Chinese), never a validator's English.
    if (error.code === 'VALIDATION_FAILED' && /[\u4e00-\u9fa5]/.test(error.message)) return `输入有误：${error.message}`;
    return CLIENT_ERROR_TEXT[error.code] ?? detailedText(error.code, error.details) ?? errorTextFor(error.code);
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
