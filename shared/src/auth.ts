import type { StaffRole } from './enums';

export interface WechatLoginRequest {
  code: string;
}

export interface CustomerSummary {
  id: number;
  nickname: string;
}

export interface WechatLoginResponse {
  token: string;
  customer: CustomerSummary;
}

export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface StaffSummary {
  id: number;
  username: string;
  role: StaffRole;
}

export interface StaffLoginResponse {
  token: string;
  staff: StaffSummary;
}

export interface CreateStaffRequest {
  username: string;
  password: string;
  role: StaffRole;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}
