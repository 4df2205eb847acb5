import type { AdminTierView, CreateTierRequest, TierView, UpdateTierRequest } from '@member-commerce/shared';
import { api, call } from './client';

export const listTiers = () => call<AdminTierView[]>(api.GET('/api/admin/tiers'));

export const createTier = (body: CreateTierRequest) => call<AdminTierView>(api.POST('/api/admin/tiers', { body }));

export const updateTier = (id: number, body: UpdateTierRequest) =>
  call<AdminTierView>(api.PATCH('/api/admin/tiers/{id}', { params: { path: { id } }, body: body }));

/** The storefront's list (active tiers only, no token needed): for roles that may not read the admin catalogue. */
export const listActiveTiers = () => call<TierView[]>(api.GET('/api/tiers'));
