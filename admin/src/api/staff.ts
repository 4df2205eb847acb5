import type { CreateStaffRequest, StaffSummary, UpdateStaffRequest } from '@member-commerce/shared';
import { api, call } from './client';

export const listStaff = () => call<StaffSummary[]>(api.GET('/api/admin/staff'));

export const createStaff = (body: CreateStaffRequest) => call<StaffSummary>(api.POST('/api/admin/staff', { body }));

/** Enable or disable an account (admin). */
export const updateStaff = (id: number, body: UpdateStaffRequest) =>
  call<StaffSummary>(api.PATCH('/api/admin/staff/{id}', { params: { path: { id } }, body }));
