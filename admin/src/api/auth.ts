import type { ChangePasswordRequest, ChangePasswordResponse, StaffLoginRequest, StaffLoginResponse } from '@member-commerce/shared';
import { api, call } from './client';

export const login = (body: StaffLoginRequest) => call<StaffLoginResponse>(api.POST('/api/admin/auth/login', { body }));

/** The caller's own password; the answer holds a fresh token (older ones stop working). */
export const changePassword = (body: ChangePasswordRequest) => call<ChangePasswordResponse>(api.POST('/api/admin/auth/password', { body }));
