import type { CouponView } from '@member-commerce/shared';
import { http } from '../request';

export const listMyCoupons = () => http.get<CouponView[]>('/api/me/coupons');
