import type { CreateGiftPackRequest, GiftPackView, UpdateGiftPackRequest } from '@member-commerce/shared';
import { api, call } from './client';

export const listGiftPacks = () => call<GiftPackView[]>(api.GET('/api/admin/gift-packs'));

export const createGiftPack = (body: CreateGiftPackRequest) => call<GiftPackView>(api.POST('/api/admin/gift-packs', { body }));

export const updateGiftPack = (id: number, body: UpdateGiftPackRequest) =>
  call<GiftPackView>(api.PATCH('/api/admin/gift-packs/{id}', { params: { path: { id } }, body: body }));
