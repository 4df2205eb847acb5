import type { CouponView } from '@member-commerce/shared';
import { api, call } from '../request';

export const listMyCoupons = () => call<CouponView[]>(api.GET('/api/me/coupons'));
