import type { CreateOrderResponse, GiftMembershipView, MembershipResponse } from '@member-commerce/shared';
import { http } from '../request';

/** Redeems a membership code (兑换码); the server answers with the membership as it now stands. */
export const redeemCode = (code: string) => http.post<MembershipResponse>('/api/me/membership-codes/redeem', { code });
/** Starts the tier's free trial (once per customer). */
export const startTrial = (tierId: number) => http.post<MembershipResponse>('/api/me/trial', { tierId });
/** Buys a membership as a gift: once paid it yields one code to share. */
export const buyGiftMembership = (tierId: number) => http.post<CreateOrderResponse>('/api/orders/membership-gift', { tierId });
export const listMyGiftMemberships = () => http.get<GiftMembershipView[]>('/api/me/gift-memberships');
