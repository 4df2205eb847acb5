import type {
  ChangePasswordRequest,
  ChangePasswordResponse,
  StaffLoginRequest,
  StaffLoginResponse,
  StaffSummary,
} from '@member-commerce/shared';
import { http } from './client';

export const login = (body: StaffLoginRequest) => http.post<StaffLoginResponse>('/api/admin/auth/login', body);

/** The caller's own password; the answer holds a fresh token (older ones stop working). */
export const changePassword = (body: ChangePasswordRequest) => http.post<ChangePasswordResponse>('/api/admin/auth/password', body);

export const getMe = () => http.get<StaffSummary>('/api/admin/me');
