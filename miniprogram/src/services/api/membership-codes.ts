import type { CreateOrderResponse, GiftMembershipView, MembershipResponse } from '@member-commerce/shared';
import { api, call } from '../request';

/** Redeems a membership code (兑换码); the server answers with the membership as it now stands. */
export const redeemCode = (code: string) =>
  call<MembershipResponse>(api.POST('/api/me/membership-codes/redeem', { body: { code } }));
/** Starts the tier's free trial (once per customer). */
export const startTrial = (tierId: number) => call<MembershipResponse>(api.POST('/api/me/trial', { body: { tierId } }));
/** Buys a membership as a gift: once paid it yields one code to share. */
export const buyGiftMembership = (tierId: number) =>
  call<CreateOrderResponse>(api.POST('/api/orders/membership-gift', { body: { tierId } }));
export const listMyGiftMemberships = () => call<GiftMembershipView[]>(api.GET('/api/me/gift-memberships'));

const MESSAGES: Record<string, string> = {
  CODE_NOT_FOUND: '兑换码不存在、已作废或已过期',
  CODE_ALREADY_REDEEMED: '该兑换码已被使用',
  TOO_MANY_REQUESTS: '尝试次数过多，请稍后再试',
  TRIAL_ALREADY_USED: '每人限试用一次，您已体验过',
  TRIAL_NOT_AVAILABLE: '您已是会员，无需试用',
  TRIAL_NOT_OFFERED: '该会员卡暂不提供试用',
  TIER_NOT_ON_SALE: '该会员卡已停售',
};

/** What the customer reads when a redemption, a trial or a gift purchase is refused. */
export const codesErrorText = (error: { code: string; message: string }) => MESSAGES[error.code] ?? error.message;
