/** Lifecycle of a paid membership card. Archived tiers sell no more; their members keep their terms. */
export const TierStatus = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', ARCHIVED: 'ARCHIVED' } as const;
export type TierStatus = (typeof TierStatus)[keyof typeof TierStatus];

export const TermUnit = { MONTH: 'MONTH', DAY: 'DAY' } as const;
export type TermUnit = (typeof TermUnit)[keyof typeof TermUnit];

export const BenefitType = {
  MEMBER_PRICE: 'MEMBER_PRICE',
  WELCOME_GIFT: 'WELCOME_GIFT',
  PRIORITY_ACCESS: 'PRIORITY_ACCESS',
  SPEND_MILESTONE: 'SPEND_MILESTONE',
  FREE_SHIPPING: 'FREE_SHIPPING',
  COUPON: 'COUPON',
  SERVICE: 'SERVICE',
} as const;
export type BenefitType = (typeof BenefitType)[keyof typeof BenefitType];

/** `NONE` is only ever reported to a customer who never held a term. */
export const MembershipStatus = {
  NONE: 'NONE',
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
} as const;
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];

/** `MEMBERSHIP_GIFT`: a membership bought for someone else; paying it yields one membership code. */
export const OrderKind = {
  MEMBERSHIP: 'MEMBERSHIP',
  PRODUCT: 'PRODUCT',
  GIFT: 'GIFT',
  MEMBERSHIP_GIFT: 'MEMBERSHIP_GIFT',
} as const;
export type OrderKind = (typeof OrderKind)[keyof typeof OrderKind];

export const OrderStatus = {
  PENDING_PAYMENT: 'PENDING_PAYMENT',
  PAID: 'PAID',
  SHIPPED: 'SHIPPED',
  COMPLETED: 'COMPLETED',
  CLOSED: 'CLOSED',
  REFUNDING: 'REFUNDING',
  REFUNDED: 'REFUNDED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export const StaffRole = {
  ADMIN: 'admin',
  OPERATOR: 'operator',
  FINANCE: 'finance',
  SUPPORT: 'support',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const PaymentStatus = {
  PENDING: 'PENDING',
  SUCCESS: 'SUCCESS',
  CLOSED: 'CLOSED',
  /** Paid at WeChat but failed our checks (amount, appid, mchid): never activates, staff must act. */
  FLAGGED: 'FLAGGED',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

/**
 * PROCESSING: accepted by WeChat (or queued for its minute); SUCCESS; CLOSED (final, nothing moved); ABNORMAL
 * (WeChat could not pay it back: staff retry or refund offline); FAILED (WeChat refused the request: staff retry
 * with the same out_refund_no, or close it).
 */
export const RefundStatus = {
  PROCESSING: 'PROCESSING',
  FAILED: 'FAILED',
  SUCCESS: 'SUCCESS',
  CLOSED: 'CLOSED',
  ABNORMAL: 'ABNORMAL',
} as const;
export type RefundStatus = (typeof RefundStatus)[keyof typeof RefundStatus];

export const WechatMode = { DEV: 'dev', LIVE: 'live' } as const;
export type WechatMode = (typeof WechatMode)[keyof typeof WechatMode];
