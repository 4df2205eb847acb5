import type { CreateStaffRequest, StaffSummary, UpdateStaffRequest } from '@member-commerce/shared';
import { http } from './client';

export const listStaff = () => http.get<StaffSummary[]>('/api/admin/staff');

export const createStaff = (body: CreateStaffRequest) => http.post<StaffSummary>('/api/admin/staff', body);

/** Enable or disable an account (admin). */
export const updateStaff = (id: number, body: UpdateStaffRequest) => http.patch<StaffSummary>(`/api/admin/staff/${id}`, body);
