import { DEFAULT_SHOP_TIME_ZONE, formatShopDate, formatShopDateTime, type TierView } from '@member-commerce/shared';

/** The shop's time zone from the server's client config: staff read times in the shop's calendar, wherever they sit. */
let shopTimeZone = DEFAULT_SHOP_TIME_ZONE;
export function setShopTimeZone(zone: string): void {
  shopTimeZone = zone;
}

/** Times come as ISO-8601 UTC and are shown in the shop's time zone. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? formatShopDateTime(iso, shopTimeZone) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? formatShopDate(iso, shopTimeZone) : '—';
}

/** "12 个月" / "30 天". */
export function formatTerm(tier: Pick<TierView, 'termMonths' | 'termDays'>): string {
  if (tier.termMonths) return `${tier.termMonths} 个月`;
  if (tier.termDays) return `${tier.termDays} 天`;
  return '—';
}

/** Basis points as a discount: 1000 → "9 折 (减 10%)"; 0 → "无折扣". */
export function formatDiscountBp(bp: number): string {
  if (!bp) return '无折扣';
  const off = bp / 100;
  const zhe = (10_000 - bp) / 1000;
  return `${Number(zhe.toFixed(2))} 折（减 ${Number(off.toFixed(2))}%）`;
}
