import { couponVoidReason } from './coupon-void-reason';

describe('why a coupon was voided', () => {
  it('a coupon whose term was removed by a full refund says the term was refunded', () => {
    expect(couponVoidReason('VOID', { removed: true }, false)).toBe('TERM_REFUNDED');
  });

  it('a coupon of a revoked membership whose term still stands says the membership was revoked', () => {
    expect(couponVoidReason('VOID', { removed: false }, true)).toBe('MEMBERSHIP_REVOKED');
  });

  it('a coupon that is not void has no reason', () => {
    expect(couponVoidReason('USED', { removed: true }, true)).toBeNull();
    expect(couponVoidReason('EXPIRED', undefined, false)).toBeNull();
  });
});
