import { addShopCalendar, CouponConfig, DAY_MS, Fen, formatFen } from '@member-commerce/shared';

export interface CouponTerms {
  amountFen: Fen;
  thresholdFen: Fen;
  validFrom: Date;
  validTo: Date;
}

/**
 * What a coupon takes off goods worth `goodsFen` (member prices already applied; shipping not counted):
 * its amount once the threshold is reached, within its validity, never more than leaves ¥0.01 to pay
 * (WeChat Pay takes no order of 0).
 */
export function couponDiscount(coupon: CouponTerms, goodsFen: Fen, now: Date): { discountFen: Fen; reason?: string } {
  if (now < coupon.validFrom) return { discountFen: 0, reason: '尚未生效' };
  if (now >= coupon.validTo) return { discountFen: 0, reason: '已过期' };
  if (goodsFen < coupon.thresholdFen)
    return { discountFen: 0, reason: `还差 ${formatFen(coupon.thresholdFen - goodsFen)} 可用` };
  return { discountFen: Math.max(0, Math.min(coupon.amountFen, goodsFen - 1)) };
}

/**
 * The term months whose coupons are due by `now`: month 0 at the term start, and with `perMonth` each
 * calendar month after it (in the shop's time zone) that has begun and lies within the term.
 */
export function dueCouponMonths(
  term: { start: Date; end: Date },
  config: Pick<CouponConfig, 'perMonth'>,
  now: Date,
  timeZone: string,
): number[] {
  if (now < term.start) return [];
  if (!config.perMonth) return [0];
  const months: number[] = [];
  for (let month = 0; ; month++) {
    const from = addShopCalendar(term.start, month, 'month', timeZone);
    if (from >= term.end || from > now) break;
    months.push(month);
  }
  return months;
}

/** When the coupon of term month `month` becomes valid, and until when. */
export function couponValidity(
  termStart: Date,
  month: number,
  validDays: number,
  timeZone: string,
): { validFrom: Date; validTo: Date } {
  const validFrom = addShopCalendar(termStart, month, 'month', timeZone);
  return { validFrom, validTo: new Date(validFrom.getTime() + validDays * DAY_MS) };
}

/** A COUPON benefit's config read defensively (older rows, hand-edited JSON). */
export function couponConfigOf(config: Record<string, unknown> | null | undefined): CouponConfig | undefined {
  const amountFen = Number(config?.amountFen ?? config?.valueFen);
  if (!Number.isInteger(amountFen) || amountFen <= 0) return undefined;
  return {
    amountFen,
    thresholdFen: Math.max(0, Number(config?.thresholdFen ?? config?.minSpendFen ?? 0) || 0),
    validDays: Math.max(1, Number(config?.validDays ?? 30) || 30),
    perMonth: Boolean(config?.perMonth),
    quantity: Math.max(1, Math.min(10, Number(config?.quantity ?? 1) || 1)),
  };
}
