import type { CreateGiftPackRequest, GiftPackView, UpdateGiftPackRequest } from '@member-commerce/shared';
import { http } from './client';

export const listGiftPacks = () => http.get<GiftPackView[]>('/api/admin/gift-packs');

export const getGiftPack = (id: number) => http.get<GiftPackView>(`/api/admin/gift-packs/${id}`);

export const createGiftPack = (body: CreateGiftPackRequest) => http.post<GiftPackView>('/api/admin/gift-packs', body);

export const updateGiftPack = (id: number, body: UpdateGiftPackRequest) => http.patch<GiftPackView>(`/api/admin/gift-packs/${id}`, body);
