import {
  DEFAULT_SHOP_TIME_ZONE,
  formatFen,
  formatShopDate,
  formatShopDateTime,
  OrderKind,
  OrderStatus,
  TermUnitLabel,
  type AfterSalesStatus,
  type OrderView,
  type TierView,
} from '@member-commerce/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** The shop's time zone, from the client config (launch fetches it); dates are shown in it, not the device's. */
let shopTimeZone = DEFAULT_SHOP_TIME_ZONE;
export function setShopTimeZone(zone: string): void {
  shopTimeZone = zone;
}

export const formatDate = (iso?: string | null): string => formatShopDate(iso, shopTimeZone);
export const formatDateTime = (iso?: string | null): string => formatShopDateTime(iso, shopTimeZone);

/** "12 天", or "今天到期" on a term's last shop day (days left counts shop-calendar days). */
export const daysLeftLabel = (days: number | undefined): string => (days ? `${days} 天` : '今天到期');

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
export const inTrial = (
  m: { status: string; terms: { source: string; start: string; end: string }[] } | null | undefined,
  now = Date.now(),
): boolean =>
  m?.status === 'ACTIVE' &&
  m.terms.some((t) => t.source === 'TRIAL' && Date.parse(t.start) <= now && now < Date.parse(t.end));

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
  REFUNDING: '退款处理中',
  REFUND_FAILED: '退款未成功，客服处理中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
  CLOSED: '已关闭',
  CANCELLED: '已撤销',
};

export const afterSalesTypeLabel = { REFUND_ONLY: '仅退款', RETURN_REFUND: '退货退款' } as const;

/** "mm:ss" left until `iso` (00:00 once passed). */
export function formatCountdown(iso: string, nowMs: number): string {
  const left = Math.max(0, Math.floor((new Date(iso).getTime() - nowMs) / 1000));
  return `${pad(Math.floor(left / 60))}:${pad(left % 60)}`;
}

/**
 * The non-member upsell of a basket as the server computed it: member prices' saving plus the shipping difference
 * ("开通会员本单可省 ¥22.00（含运费 ¥10.00）").
 */
export function memberUpsellLabel(
  lead: string,
  quote: { memberUpsellFen: number; memberUpsellShippingFen: number },
): string {
  const shipping = quote.memberUpsellShippingFen;
  const detail =
    shipping > 0
      ? `（含运费 ${formatFen(shipping)}）`
      : shipping < 0
        ? `（已扣除会员需付的运费 ${formatFen(-shipping)}）`
        : '';
  return `${lead} ${formatFen(quote.memberUpsellFen)}${detail}`;
}
