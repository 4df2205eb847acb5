import type {
  AfterSalesStatus,
  AutoRenewStatus,
  CouponStatus,
  CouponVoidReason,
  GiftStatus,
  WechatShippingStatus,
  AfterSalesType,
  BenefitType,
  CallOutcome,
  MembershipStatus,
  MembershipTermView,
  OrderKind,
  OrderStatus,
  PaymentStatus,
  RefundRequestStatus,
  RefundStatus,
  TierStatus,
} from '@member-commerce/shared';

/** Chinese labels (and tag colours) for the shared enums, in one place. */
export interface Label {
  text: string;
  color?: string;
}

/** Benefits, gift packs and milestones: the tier's lifecycle, worded for things that are offered, not sold. */
export const LIFECYCLE_STATUS: Record<TierStatus, Label> = {
  DRAFT: { text: '草稿', color: 'default' },
  ACTIVE: { text: '启用中', color: 'green' },
  ARCHIVED: { text: '已归档', color: 'orange' },
};

/** " （已归档）" after an option's name in pickers: archived rows stay where they are but cannot be added. */
export const lifecycleSuffix = (status: TierStatus): string => (status === 'ACTIVE' ? '' : `（${LIFECYCLE_STATUS[status].text}）`);

export const TIER_STATUS: Record<TierStatus, Label> = {
  DRAFT: { text: '草稿', color: 'default' },
  ACTIVE: { text: '销售中', color: 'green' },
  ARCHIVED: { text: '已归档', color: 'orange' },
};

export const BENEFIT_TYPE: Record<BenefitType, Label> = {
  MEMBER_PRICE: { text: '会员价', color: 'red' },
  WELCOME_GIFT: { text: '开卡礼', color: 'magenta' },
  PRIORITY_ACCESS: { text: '优先购', color: 'purple' },
  SPEND_MILESTONE: { text: '消费里程碑', color: 'gold' },
  FREE_SHIPPING: { text: '包邮', color: 'cyan' },
  COUPON: { text: '优惠券', color: 'volcano' },
  SERVICE: { text: '专属服务', color: 'blue' },
};

export const MEMBERSHIP_STATUS: Record<MembershipStatus, Label> = {
  NONE: { text: '非会员', color: 'default' },
  ACTIVE: { text: '有效', color: 'green' },
  EXPIRED: { text: '已过期', color: 'default' },
  REVOKED: { text: '已撤销', color: 'red' },
};

export const ORDER_KIND: Record<OrderKind, Label> = {
  MEMBERSHIP: { text: '会员卡', color: 'gold' },
  PRODUCT: { text: '商品', color: 'blue' },
  GIFT: { text: '礼包', color: 'magenta' },
  MEMBERSHIP_GIFT: { text: '赠送会员卡', color: 'purple' },
};

export const ORDER_STATUS: Record<OrderStatus, Label> = {
  PENDING_PAYMENT: { text: '待支付', color: 'orange' },
  PAID: { text: '已支付', color: 'green' },
  SHIPPED: { text: '已发货', color: 'cyan' },
  COMPLETED: { text: '已完成', color: 'blue' },
  CLOSED: { text: '已关闭', color: 'default' },
  REFUNDING: { text: '退款中', color: 'purple' },
  REFUNDED: { text: '已退款', color: 'red' },
};

export const PAYMENT_STATUS: Record<PaymentStatus, Label> = {
  PENDING: { text: '待支付', color: 'orange' },
  SUCCESS: { text: '支付成功', color: 'green' },
  CLOSED: { text: '已关闭', color: 'default' },
  FLAGGED: { text: '异常待处理', color: 'red' },
};

export const REFUND_STATUS: Record<RefundStatus, Label> = {
  PROCESSING: { text: '退款中', color: 'processing' },
  FAILED: { text: '退款失败', color: 'red' },
  SUCCESS: { text: '退款成功', color: 'green' },
  CLOSED: { text: '已关闭', color: 'default' },
  ABNORMAL: { text: '退款异常', color: 'red' },
};

export const TERM_SOURCE: Record<MembershipTermView['source'], string> = {
  PURCHASE: '购买',
  RENEWAL: '续费',
  CARRY_OVER: '转入剩余天数',
  STAFF_GRANT: '员工延期',
  GRACE: '自动续费宽限期',
  CODE: '兑换码',
  TRIAL: '免费试用',
};

/** Options for a Select built from one of the maps above. */
export function optionsOf<K extends string>(map: Record<K, Label>): { value: K; label: string }[] {
  return (Object.keys(map) as K[]).map((value) => ({ value, label: map[value].text }));
}

export const AFTER_SALES_STATUS: Record<AfterSalesStatus, Label> = {
  PENDING: { text: '待审核', color: 'orange' },
  AWAITING_RETURN: { text: '待寄回', color: 'blue' },
  REFUND_REQUESTED: { text: '退款待审批', color: 'purple' },
  REFUNDING: { text: '退款中', color: 'processing' },
  REFUND_FAILED: { text: '退款失败', color: 'red' },
  REFUNDED: { text: '已退款', color: 'green' },
  REJECTED: { text: '已拒绝', color: 'default' },
  CLOSED: { text: '已关闭', color: 'default' },
  CANCELLED: { text: '顾客已撤销', color: 'default' },
};

export const AFTER_SALES_TYPE: Record<AfterSalesType, Label> = {
  REFUND_ONLY: { text: '仅退款', color: 'gold' },
  RETURN_REFUND: { text: '退货退款', color: 'cyan' },
};

export const REFUND_REQUEST_STATUS: Record<RefundRequestStatus, Label> = {
  PENDING: { text: '待审批', color: 'orange' },
  APPROVED: { text: '已批准', color: 'green' },
  REJECTED: { text: '已驳回', color: 'default' },
};

export const CALL_OUTCOME: Record<CallOutcome, Label> = {
  REACHED: { text: '已接通', color: 'blue' },
  PROMISED: { text: '承诺续费', color: 'green' },
  DECLINED: { text: '明确拒绝', color: 'red' },
  NO_ANSWER: { text: '未接听', color: 'default' },
};

/** WeChat's shipping-information upload of an order (小程序发货信息管理). */
export const WECHAT_SHIPPING_STATUS: Record<WechatShippingStatus, Label> = {
  PENDING: { text: '待上传', color: 'orange' },
  UPLOADED: { text: '已上传', color: 'green' },
  FAILED: { text: '上传失败', color: 'red' },
};

export const COUPON_STATUS: Record<CouponStatus, Label> = {
  AVAILABLE: { text: '可使用', color: 'green' },
  LOCKED: { text: '待支付订单占用', color: 'orange' },
  USED: { text: '已使用', color: 'blue' },
  EXPIRED: { text: '已过期', color: 'default' },
  VOID: { text: '已作废', color: 'red' },
};

/** Why a coupon was voided (客户详情). */
export const COUPON_VOID_REASON: Record<CouponVoidReason, string> = {
  TERM_REFUNDED: '所属会员期已全额退款',
  MEMBERSHIP_REVOKED: '会员已被撤销',
  OTHER: '所属会员期已结束',
};

export const AUTO_RENEW_STATUS: Record<AutoRenewStatus, Label> = {
  NONE: { text: '未开通', color: 'default' },
  PENDING_SIGN: { text: '待签约', color: 'orange' },
  ACTIVE: { text: '自动续费中', color: 'green' },
  CANCELLED: { text: '已取消', color: 'default' },
};

export const GIFT_STATUS: Record<GiftStatus, Label> = {
  LOCKED: { text: '未达成', color: 'default' },
  REACHED: { text: '已达成', color: 'cyan' },
  CLAIMABLE: { text: '可领取', color: 'orange' },
  CLAIMED: { text: '已领取', color: 'green' },
};
