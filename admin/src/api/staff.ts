import type { CreateStaffRequest, StaffSummary } from '@member-commerce/shared';
import { http } from './client';

export const listStaff = () => http.get<StaffSummary[]>('/api/admin/staff');

export const createStaff = (body: CreateStaffRequest) => http.post<StaffSummary>('/api/admin/staff', body);
