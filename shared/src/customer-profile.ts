import type { AfterSalesView } from './after-sales';
import type { MyAutoRenewView } from './auto-renew';
import type { MembershipTermView, MyMembershipView } from './membership';
import type { Fen } from './money';
import type { CouponView } from './orders';
import type { MyGiftPacksView } from './storefront';

/** A staff-defined label on customers (高价值, 需回访 …); the member list filters by it. */
export interface CustomerTagView {
  id: number;
  name: string;
}

/** A staff note on a customer: append-only, with its author and time. */
export interface CustomerNoteView {
  id: number;
  text: string;
  staffUsername: string;
  createdAt: string;
}

/** One term of the customer's membership with how it was bought: the order, what was paid and refunded. */
export interface CustomerTermView extends MembershipTermView {
  /** A fully refunded term is removed (its start equals its end); it stays in the history. */
  removed: boolean;
  order?: { outTradeNo: string; status: string; totalFen: Fen; refundedFen: Fen } | null;
}

/** Why a coupon can no longer be used, as staff read it (VOID coupons only). */
export type CouponVoidReason = 'TERM_REFUNDED' | 'MEMBERSHIP_REVOKED' | 'OTHER';

/** A customer's coupon with, when it was revoked, the reason and the order number of the term that issued it. */
export interface CustomerCouponView extends CouponView {
  voidReason?: CouponVoidReason | null;
  /** The order number of the order it was used on (USED) or is locked to. */
  usedOnOutTradeNo?: string | null;
  /** The order that paid for the term that issued it. */
  termOutTradeNo?: string | null;
}

/**
 * `GET /api/admin/customers/:customerId`: 客户详情. The phone is masked and the openid shown by its last
 * characters only. `lifetimeSpendFen` is 历史总消费 (all paid product orders minus refunds, as the member list);
 * `membership.spendFen` is 本轮会员期消费 (the counted spend of the current run of terms, as milestones use it).
 */
export interface CustomerProfileView {
  customerId: number;
  nickname: string;
  avatarUrl: string | null;
  phoneMasked: string | null;
  openidTail: string;
  registeredAt: string;
  membershipId: number | null;
  membership: MyMembershipView & { revokedReason?: string | null };
  lifetimeSpendFen: Fen;
  terms: CustomerTermView[];
  autoRenew: MyAutoRenewView;
  coupons: CustomerCouponView[];
  gifts: MyGiftPacksView;
  afterSales: AfterSalesView[];
  notes: CustomerNoteView[];
  tags: CustomerTagView[];
}

/** `POST /api/admin/customers/:customerId/notes` */
export interface AddCustomerNoteRequest {
  text: string;
}

/** `POST /api/admin/customers/:customerId/tags`: by name; a new name defines the tag. */
export interface AddCustomerTagRequest {
  name: string;
}
