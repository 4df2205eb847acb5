import type { AdminTierView, CreateTierRequest, TierView, UpdateTierRequest } from '@member-commerce/shared';
import { http } from './client';

export const listTiers = () => http.get<AdminTierView[]>('/api/admin/tiers');

export const getTier = (id: number) => http.get<AdminTierView>(`/api/admin/tiers/${id}`);

export const createTier = (body: CreateTierRequest) => http.post<AdminTierView>('/api/admin/tiers', body);

export const updateTier = (id: number, body: UpdateTierRequest) => http.patch<AdminTierView>(`/api/admin/tiers/${id}`, body);

/** The storefront's list (active tiers only, no token needed): for roles that may not read the admin catalogue. */
export const listActiveTiers = () => http.get<TierView[]>('/api/tiers');
