import type { TierView } from '@member-commerce/shared';
import dayjs from 'dayjs';

/** Times come as ISO-8601 UTC; staff read them in the browser's zone (the shop's, in practice). */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
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
