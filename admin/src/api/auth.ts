import type { StaffLoginRequest, StaffLoginResponse, StaffSummary } from '@member-commerce/shared';
import { http } from './client';

export const login = (body: StaffLoginRequest) => http.post<StaffLoginResponse>('/api/admin/auth/login', body);

export const getMe = () => http.get<StaffSummary>('/api/admin/me');
