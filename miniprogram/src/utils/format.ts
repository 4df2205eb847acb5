import { OrderKind, OrderStatus, TermUnitLabel, type AfterSalesStatus, type OrderView, type TierView } from '@member-commerce/shared';

/**
 * The shop's calendar is Asia/Shanghai (UTC+8, no DST); format dates there rather than in the
 * device's zone so "valid until" matches what the server and staff see.
 */
const SHOP_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDate(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + SHOP_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDateTime(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + SHOP_OFFSET_MS);
  return `${formatDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function termLabel(tier: Pick<TierView, 'termMonths' | 'termDays'>): string {
  if (tier.termMonths)
    return tier.termMonths % 12 === 0 ? `${tier.termMonths / 12}年` : `${tier.termMonths}${TermUnitLabel.MONTH}`;
  return `${tier.termDays ?? 0}${TermUnitLabel.DAY}`;
}

export const orderStatusLabel: Record<OrderStatus, string> = {
  [OrderStatus.PENDING_PAYMENT]: '待支付',
  [OrderStatus.PAID]: '已支付',
  [OrderStatus.SHIPPED]: '已发货',
  [OrderStatus.COMPLETED]: '已完成',
  [OrderStatus.CLOSED]: '已关闭',
  [OrderStatus.REFUNDING]: '退款中',
  [OrderStatus.REFUNDED]: '已退款',
};

/** Whether the term covering now is a free trial (member price and free shipping only). */
export const inTrial = (m: { status: string; terms: { source: string; start: string; end: string }[] } | null | undefined, now = Date.now()): boolean =>
  m?.status === 'ACTIVE' && m.terms.some((t) => t.source === 'TRIAL' && Date.parse(t.start) <= now && now < Date.parse(t.end));

export const orderKindLabel: Record<OrderKind, string> = {
  [OrderKind.MEMBERSHIP]: '会员卡',
  [OrderKind.PRODUCT]: '商品',
  [OrderKind.GIFT]: '会员礼包',
  [OrderKind.MEMBERSHIP_GIFT]: '赠送会员卡',
};

/** A paid gift order is waiting to be shipped (the customer never paid for it): list and detail say the same. */
export const orderStatusText = (order: Pick<OrderView, 'kind' | 'status'>) =>
  order.kind === OrderKind.GIFT && order.status === OrderStatus.PAID ? '待发货' : orderStatusLabel[order.status];

export const afterSalesStatusLabel: Record<AfterSalesStatus, string> = {
  PENDING: '待审核',
  AWAITING_RETURN: '待寄回商品',
  REFUND_REQUESTED: '退款审批中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
  CANCELLED: '已撤销',
};

export const afterSalesTypeLabel = { REFUND_ONLY: '仅退款', RETURN_REFUND: '退货退款' } as const;

/** "mm:ss" left until `iso` (00:00 once passed). */
export function formatCountdown(iso: string, nowMs: number): string {
  const left = Math.max(0, Math.floor((new Date(iso).getTime() - nowMs) / 1000));
  return `${pad(Math.floor(left / 60))}:${pad(left % 60)}`;
}
