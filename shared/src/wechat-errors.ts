/**
 * WeChat's error codes explained in Chinese, one table for the server (what it records and tells staff) and the
 * admin (where delivery and refund results show). Subscribe-message codes are WeChat's documented errcodes of
 * subscribeMessage.send; refund codes are WeChat Pay v3's refund error codes.
 */
export const SUBSCRIBE_MESSAGE_ERRORS: Record<string, string> = {
  '40003': '收件人 openid 为空或不正确',
  '40037': '订阅模板 ID 为空或不正确（请核对模板 ID 与小程序是否匹配）',
  '41030': '消息要打开的小程序页面不存在（须与线上版本的页面一致）',
  '43101': '用户拒绝接收消息（订阅次数已用完或已取消订阅）',
  '43107': '订阅消息能力已被封禁',
  '43108': '同一时间向同一用户并发下发消息',
  '45168': '消息内容命中敏感词',
  '47003': '模板参数不准确（字段为空或不符合模板规则）',
  INTERRUPTED: '发送中断：不确定微信是否收到，为免重复不再补发',
  TRANSPORT: '微信未应答（超时或网络错误）',
};

/** The Chinese explanation of a subscribe-message errcode; an unknown code still reads as a sentence. */
export function subscribeMessageErrorText(code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '发送失败';
  return SUBSCRIBE_MESSAGE_ERRORS[String(code)] ?? `微信返回错误码 ${code}`;
}

export const WECHAT_PAY_REFUND_ERRORS: Record<string, string> = {
  NOT_ENOUGH: '商户账户余额不足，请充值后重试',
  USER_ACCOUNT_ABNORMAL: '用户账户异常或已注销，请线下退款',
  FREQUENCY_LIMITED: '退款请求过于频繁，请稍后重试',
  INVALID_REQUEST: '微信支付不受理该退款（订单状态或退款期限不符）',
  PARAM_ERROR: '退款参数有误',
  SYSTEM_ERROR: '微信支付系统繁忙，请稍后重试',
  MCH_NOT_EXISTS: '商户号不存在',
  SIGN_ERROR: '签名错误，请检查商户证书配置',
  NO_AUTH: '商户无退款权限',
  ORDER_NOT_EXIST: '微信支付查不到这笔订单（可能未在微信支付成功），请核对后线下退款或关闭',
  RESOURCE_NOT_EXISTS: '微信支付查不到这笔订单或退款',
};

/** Why WeChat Pay refused a refund, in Chinese; an unknown code never shows WeChat's English message. */
export function refundRefusalText(code: string | number | null | undefined): string {
  const known = code === null || code === undefined ? undefined : WECHAT_PAY_REFUND_ERRORS[String(code)];
  return `微信支付拒绝退款：${known ?? '原因未知，请在微信支付商户平台查看这笔退款'}`;
}

/** WeChat Pay's deduction (委托代扣) errors and trade states an auto-renew charge can end with. */
export const AUTO_RENEW_CHARGE_ERRORS: Record<string, string> = {
  NOT_ENOUGH: '用户微信零钱或银行卡余额不足',
  CONTRACT_NOT_EXIST: '扣款协议不存在或已解约',
  CONTRACT_ERROR: '扣款协议状态异常',
  RULE_LIMIT: '超出微信支付的扣款频率或金额限制',
  USER_ACCOUNT_ABNORMAL: '用户账户异常',
  ORDERPAID: '这笔扣款已支付',
  SYSTEMERROR: '微信支付系统繁忙',
  SYSTEM_ERROR: '微信支付系统繁忙',
  PARAM_ERROR: '扣款参数有误',
  PAYERROR: '微信支付扣款失败',
  CLOSED: '扣款单已关闭',
  REVOKED: '扣款已撤销',
};

/** What the auto-renew pass stores in a cycle's `lastError` (its own reasons) and how staff read them. */
const AUTO_RENEW_OWN_REASONS: [RegExp, string][] = [
  [/^contract cancelled/, '签约已解除，本期不再扣款'],
  [/^renewed otherwise/, '会员已通过其他方式续费，本期无需扣款'],
  [/^charge window closed/, '到期前未能扣款成功'],
  [/^no order/, '续费订单未生成'],
  [/^not found at WeChat/, '微信支付查不到这笔扣款'],
  [/^settlement /, '扣款成功但入账异常，请在订单中核对'],
  [/^order: /, '续费订单未能生成'],
];

/**
 * Why an auto-renew charge failed, in Chinese, from the stored reason (a WeChat code, a trade state with WeChat's
 * description, or the pass's own reason); the raw text stays available to staff as the code.
 */
export function autoRenewErrorText(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const own = AUTO_RENEW_OWN_REASONS.find(([pattern]) => pattern.test(stored));
  if (own) return own[1];
  const code = stored.split(/\s/)[0];
  return AUTO_RENEW_CHARGE_ERRORS[code] ?? '扣款失败，原因见微信返回的代码';
}
