import { couponDiscount, couponValidity, dueCouponMonths } from './coupon-rules';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const coupon = {
  amountFen: 5_000,
  thresholdFen: 30_000,
  validFrom: at('2026-01-01T00:00:00+08:00'),
  validTo: at('2026-02-01T00:00:00+08:00'),
};

describe('coupon rules', () => {
  it('takes its amount off once the threshold is reached', () => {
    expect(couponDiscount(coupon, 30_000, at('2026-01-10T00:00:00Z'))).toEqual({ discountFen: 5_000 });
  });

  it('does not apply below the threshold, before it starts or after it ends', () => {
    expect(couponDiscount(coupon, 29_999, at('2026-01-10T00:00:00Z')).discountFen).toBe(0);
    expect(couponDiscount(coupon, 50_000, at('2025-12-31T00:00:00Z')).reason).toBe('尚未生效');
    expect(couponDiscount(coupon, 50_000, at('2026-02-01T00:00:00+08:00')).reason).toBe('已过期');
  });

  it('never takes the order to 0: at least ¥0.01 is left to pay', () => {
    expect(couponDiscount({ ...coupon, thresholdFen: 0 }, 3_000, at('2026-01-10T00:00:00Z')).discountFen).toBe(2_999);
  });

  it('a monthly coupon is due at the term start and at each month start within the term', () => {
    const term = { start: at('2026-01-31T10:00:00+08:00'), end: at('2027-01-31T10:00:00+08:00') };
    expect(dueCouponMonths(term, { perMonth: true }, at('2026-01-31T10:00:00+08:00'), TZ)).toEqual([0]);
    expect(dueCouponMonths(term, { perMonth: true }, at('2026-02-28T10:00:00+08:00'), TZ)).toEqual([0, 1]);
    expect(dueCouponMonths(term, { perMonth: true }, at('2028-01-01T00:00:00Z'), TZ)).toHaveLength(12);
    expect(dueCouponMonths(term, { perMonth: false }, at('2026-06-01T00:00:00Z'), TZ)).toEqual([0]);
  });

  it('a coupon is valid from its month start for validDays', () => {
    const { validFrom, validTo } = couponValidity(at('2026-01-15T00:00:00+08:00'), 1, 30, TZ);
    expect(validFrom.toISOString()).toBe(at('2026-02-15T00:00:00+08:00').toISOString());
    expect(validTo.getTime() - validFrom.getTime()).toBe(30 * 24 * 3600 * 1000);
  });
});
