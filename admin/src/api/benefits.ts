import type { BenefitView, CreateBenefitRequest, UpdateBenefitRequest } from '@member-commerce/shared';
import { http } from './client';

export const listBenefits = () => http.get<BenefitView[]>('/api/admin/benefits');

export const createBenefit = (body: CreateBenefitRequest) => http.post<BenefitView>('/api/admin/benefits', body);

export const updateBenefit = (id: number, body: UpdateBenefitRequest) => http.patch<BenefitView>(`/api/admin/benefits/${id}`, body);

export const deleteBenefit = (id: number) => http.delete(`/api/admin/benefits/${id}`);
