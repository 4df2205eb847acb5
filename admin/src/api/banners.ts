import type { AdminBannerView, BannerInput } from '@member-commerce/shared';
import { api, call } from './client';

export const listBanners = () => call<AdminBannerView[]>(api.GET('/api/admin/banners'));
export const createBanner = (body: BannerInput) => call<AdminBannerView>(api.POST('/api/admin/banners', { body }));
export const updateBanner = (id: number, body: Partial<BannerInput>) =>
  call<AdminBannerView>(api.PATCH('/api/admin/banners/{id}', { params: { path: { id } }, body: body }));
export const deleteBanner = (id: number) => call<void>(api.DELETE('/api/admin/banners/{id}', { params: { path: { id } } }));
