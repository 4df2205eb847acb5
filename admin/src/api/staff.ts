import type {
  CreateStaffRequest,
  ResetStaffPasswordRequest,
  ResetStaffPasswordResponse,
  StaffSummary,
  UpdateStaffRequest,
} from '@member-commerce/shared';
import { http } from './client';

export const listStaff = () => http.get<StaffSummary[]>('/api/admin/staff');

export const createStaff = (body: CreateStaffRequest) => http.post<StaffSummary>('/api/admin/staff', body);

/** Enable or disable an account, or change its role (admin); the last active admin stays one. */
export const updateStaff = (id: number, body: UpdateStaffRequest) => http.patch<StaffSummary>(`/api/admin/staff/${id}`, body);

/** Sets the given password, or (none given) a one-time temporary one; the staff member changes it at login. */
export const resetStaffPassword = (id: number, body: ResetStaffPasswordRequest) =>
  http.post<ResetStaffPasswordResponse>(`/api/admin/staff/${id}/password`, body);
