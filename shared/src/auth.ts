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
  /** An admin reset the password: the staff member must choose their own at the next login. */
  mustChangePassword?: boolean;
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
/** `PATCH /api/admin/staff/:id`: enable or disable the account, or change its role (the last admin stays one). */
export interface UpdateStaffRequest {
  active?: boolean;
  role?: StaffRole;
}

/** `POST /api/admin/staff/:id/password`: the password an admin sets, or (none given) a one-time temporary one. */
export interface ResetStaffPasswordRequest {
  password?: string;
}

export interface ResetStaffPasswordResponse {
  /** Shown once to the admin who reset it; null when the admin chose the password. */
  temporaryPassword: string | null;
  staff: StaffSummary;
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
