import type { ShippingPolicyView } from '@member-commerce/shared';
import { api, call } from './client';

export const getShippingPolicy = () => call<ShippingPolicyView>(api.GET('/api/admin/shipping-policy'));

export const updateShippingPolicy = (policy: ShippingPolicyView) =>
  call<ShippingPolicyView>(api.PUT('/api/admin/shipping-policy', { body: policy }));
