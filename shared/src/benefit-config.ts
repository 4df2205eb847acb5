import type { BenefitType } from './enums';
import type { Fen } from './money';

/** Members see and buy member-first products this many hours before everyone else. */
export interface PriorityAccessConfig {
  hours: number;
}

/** Coupons issued at activation, and again at the start of every term month when `perMonth`. */
export interface CouponConfig {
  amountFen: Fen;
  /** Minimum order amount for the coupon to apply (0 = none). */
  thresholdFen: Fen;
  validDays: number;
  perMonth: boolean;
  /** Coupons issued each time. */
  quantity: number;
}

/** A working contact entry: at least one of the two. */
export interface ServiceConfig {
  phone?: string;
  wechatId?: string;
}

/** The config each benefit type takes; types not listed take none. */
export interface BenefitConfigByType {
  PRIORITY_ACCESS: PriorityAccessConfig;
  COUPON: CouponConfig;
  SERVICE: ServiceConfig;
}

export const BENEFIT_TYPES_WITH_CONFIG: readonly BenefitType[] = ['PRIORITY_ACCESS', 'COUPON', 'SERVICE'];
