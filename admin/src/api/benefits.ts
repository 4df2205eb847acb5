import type { BenefitView, CreateBenefitRequest, UpdateBenefitRequest } from '@member-commerce/shared';
import { api, call } from './client';

export const listBenefits = () => call<BenefitView[]>(api.GET('/api/admin/benefits'));

export const createBenefit = (body: CreateBenefitRequest) => call<BenefitView>(api.POST('/api/admin/benefits', { body }));

export const updateBenefit = (id: number, body: UpdateBenefitRequest) =>
  call<BenefitView>(api.PATCH('/api/admin/benefits/{id}', { params: { path: { id } }, body: body }));

export const deleteBenefit = (id: number) => call<void>(api.DELETE('/api/admin/benefits/{id}', { params: { path: { id } } }));
