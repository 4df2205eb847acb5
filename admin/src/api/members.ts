import type {
  AdminMemberRow,
  AdminMemberView,
  ExtendMembershipRequest,
  ExtensionAllowanceView,
  MemberQuery,
  Page,
  RevokeMembershipRequest,
} from '@member-commerce/shared';
import { http } from './client';

export type { MemberQuery };

export const searchMembers = (query: MemberQuery = {}) => http.get<Page<AdminMemberRow>>('/api/admin/members', { ...query });

export const downloadMembers = (query: Omit<MemberQuery, 'page' | 'pageSize'>, onProgress: (bytes: number) => void) =>
  http.download('/api/admin/members/export', { ...query }, onProgress);

export const getMember = (membershipId: number) => http.get<AdminMemberView>(`/api/admin/members/${membershipId}`);

export const getExtensionAllowance = (membershipId: number) =>
  http.get<ExtensionAllowanceView>(`/api/admin/members/${membershipId}/extension-allowance`);

export const extendMember = (membershipId: number, body: ExtendMembershipRequest) =>
  http.post<AdminMemberView>(`/api/admin/members/${membershipId}/extend`, body);

export const revokeMember = (membershipId: number, body: RevokeMembershipRequest) =>
  http.post<AdminMemberView>(`/api/admin/members/${membershipId}/revoke`, body);
