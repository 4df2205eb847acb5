import type { CouponStatus, CouponVoidReason } from '@member-commerce/shared';

/**
 * Why a coupon was voided, read from what voids coupons (coupons/coupon.hooks.ts): its issuing term was removed by
 * a full refund, or the membership was revoked. Null for coupons that are not VOID.
 */
export function couponVoidReason(
  status: CouponStatus,
  term: { removed: boolean } | undefined,
  membershipRevoked: boolean,
): CouponVoidReason | null {
  if (status !== 'VOID') return null;
  if (term?.removed) return 'TERM_REFUNDED';
  if (membershipRevoked) return 'MEMBERSHIP_REVOKED';
  return 'OTHER';
}
