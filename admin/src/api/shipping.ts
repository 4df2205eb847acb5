import type { ShippingPolicyView } from '@member-commerce/shared';
import { http } from './client';

export const getShippingPolicy = () => http.get<ShippingPolicyView>('/api/admin/shipping-policy');

export const updateShippingPolicy = (policy: ShippingPolicyView) => http.put<ShippingPolicyView>('/api/admin/shipping-policy', policy);
