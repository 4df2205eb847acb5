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
  /** A disabled account cannot log in and its tokens are refused. */
  active: boolean;
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

/** `POST /api/admin/auth/password`: the caller's own password; older tokens stop working. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ChangePasswordResponse {
  /** A fresh token for the caller, since tokens issued before the change are refused. */
  token: string;
}

/** `PATCH /api/admin/staff/:id` (admin): enable or disable an account. */
export interface UpdateStaffRequest {
  active: boolean;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}

/** `GET|PATCH /api/me/profile`: the customer's own name and picture (头像昵称填写), shown on 我的. */
export interface MyProfileView {
  nickname: string;
  /** A /media/ URL of this shop; null until the customer chooses an avatar. */
  avatarUrl: string | null;
}

/** `PATCH /api/me/profile` */
export interface UpdateMyProfileRequest {
  nickname: string;
}

/** Avatars are uploaded as image/jpeg or image/png bytes of at most this size, and kept as a small JPEG. */
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
export const AVATAR_UPLOAD_PATH = '/api/me/profile/avatar';
