import type { AdminMemberView, ExtendMembershipRequest, MembershipStatus, Page, RevokeMembershipRequest } from '@member-commerce/shared';
import { http } from './client';

export interface MemberQuery {
  q?: string;
  status?: Exclude<MembershipStatus, 'NONE'>;
  page?: number;
  pageSize?: number;
}

export const searchMembers = (query: MemberQuery = {}) => http.get<Page<AdminMemberView>>('/api/admin/members', { ...query });

export const getMember = (membershipId: number) => http.get<AdminMemberView>(`/api/admin/members/${membershipId}`);

export const extendMember = (membershipId: number, body: ExtendMembershipRequest) =>
  http.post<AdminMemberView>(`/api/admin/members/${membershipId}/extend`, body);

export const revokeMember = (membershipId: number, body: RevokeMembershipRequest) =>
  http.post<AdminMemberView>(`/api/admin/members/${membershipId}/revoke`, body);
