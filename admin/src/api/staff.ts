import type {
  CreateStaffRequest,
  ResetStaffPasswordRequest,
  ResetStaffPasswordResponse,
  StaffSummary,
  UpdateStaffRequest,
} from '@member-commerce/shared';
import { api, call } from './client';

export const listStaff = () => call<StaffSummary[]>(api.GET('/api/admin/staff'));

export const createStaff = (body: CreateStaffRequest) => call<StaffSummary>(api.POST('/api/admin/staff', { body }));

/** Enable or disable an account, or change its role (admin); the last active admin stays one. */
export const updateStaff = (id: number, body: UpdateStaffRequest) =>
  call<StaffSummary>(api.PATCH('/api/admin/staff/{id}', { params: { path: { id } }, body }));

/** Sets the given password, or (none given) a one-time temporary one; the staff member changes it at login. */
export const resetStaffPassword = (id: number, body: ResetStaffPasswordRequest) =>
  call<ResetStaffPasswordResponse>(api.POST('/api/admin/staff/{id}/password', { params: { path: { id } }, body }));
