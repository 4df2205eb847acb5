import type { AdminBannerView, BannerInput } from '@member-commerce/shared';
import { http } from './client';

export const listBanners = () => http.get<AdminBannerView[]>('/api/admin/banners');
export const createBanner = (body: BannerInput) => http.post<AdminBannerView>('/api/admin/banners', body);
export const updateBanner = (id: number, body: Partial<BannerInput>) => http.patch<AdminBannerView>(`/api/admin/banners/${id}`, body);
export const deleteBanner = (id: number) => http.delete(`/api/admin/banners/${id}`);
