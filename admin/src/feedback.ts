import { message as staticMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { ApiError } from './api/client';

/**
 * Failures are shown with antd `message`. The instance comes from <App> (set by FeedbackBridge) so it
 * follows the theme and locale; before that, the static one.
 */
let messageApi: MessageInstance = staticMessage;

export function setMessageApi(api: MessageInstance): void {
  messageApi = api;
}

/** Chinese text for the error codes staff meet most; other codes show the server's message. */
const ERROR_TEXT: Record<string, string> = {
  NETWORK_ERROR: '网络错误，无法连接服务器',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '当前角色无权执行此操作',
  NOT_FOUND: '记录不存在，或此功能暂未开放',
  TIER_CODE_TAKEN: '会员卡编码已被使用',
  INVALID_TIER_TRANSITION: '会员卡状态不允许这样变更',
  SKU_CODE_TAKEN: 'SKU 编码已被使用',
  MEMBER_PRICE_ABOVE_LIST: '会员价不能高于原价',
  PRICE_LIST_INVALID: '会员价表有问题，整份文件未应用',
  PRICE_LIST_STALE: '预览之后文件或当前会员价已变化，请重新上传预览',
  INVALID_BENEFIT_CONFIG: '权益设置不完整或不正确',
  PRODUCT_NOT_FOUND: '商品不存在或已被删除',
  MEDIA_TYPE_NOT_ALLOWED: '只能上传 JPG、PNG 或 GIF 图片',
  MEDIA_TOO_LARGE: '图片太大，请压缩后再上传',
  MEDIA_URL_NOT_ALLOWED: '图片请先上传，或使用白名单内的 https 图片地址',
  BANNER_WINDOW_INVALID: '结束时间须晚于开始时间',
  MILESTONE_THRESHOLD_TAKEN: '该门槛金额的里程碑已存在',
  EXTENSION_LIMIT_EXCEEDED: '超出当前角色可延期的天数',
  REFUND_NOT_ALLOWED: '该订单不可退款',
  REFUND_LIMIT_EXCEEDED: '超出当前角色的退款额度，请财务审批',
  REFUND_AMOUNT_INVALID: '退款金额无效',
  STAFF_USERNAME_TAKEN: '用户名已存在',
  STAFF_NOT_FOUND: '员工账号不存在',
  CURRENT_PASSWORD_WRONG: '当前密码不正确',
  CANNOT_DISABLE_SELF: '不能停用自己的账号',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const known = ERROR_TEXT[error.code];
    if (error.code === 'VALIDATION_FAILED') return `输入有误：${error.message}`;
    return known ?? `${error.message}（${error.code}）`;
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
