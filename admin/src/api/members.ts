import type {
  AdminMemberRow,
  AdminMemberView,
  ExtendMembershipRequest,
  ExtensionAllowanceView,
  MemberQuery,
  Page,
  RevokeMembershipRequest,
} from '@member-commerce/shared';
import { api, call, download } from './client';

export type { MemberQuery };

export const searchMembers = (query: MemberQuery = {}) => call<Page<AdminMemberRow>>(api.GET('/api/admin/members', { params: { query } }));

export const downloadMembers = (query: Omit<MemberQuery, 'page' | 'pageSize'>, onProgress: (bytes: number) => void) =>
  download(api.GET('/api/admin/members/export', { params: { query }, parseAs: 'stream' }), onProgress);

export const getMember = (membershipId: number) =>
  call<AdminMemberView>(api.GET('/api/admin/members/{membershipId}', { params: { path: { membershipId } } }));

export const getExtensionAllowance = (membershipId: number) =>
  call<ExtensionAllowanceView>(api.GET('/api/admin/members/{membershipId}/extension-allowance', { params: { path: { membershipId } } }));

export const extendMember = (membershipId: number, body: ExtendMembershipRequest) =>
  call<AdminMemberView>(api.POST('/api/admin/members/{membershipId}/extend', { params: { path: { membershipId } }, body }));

export const revokeMember = (membershipId: number, body: RevokeMembershipRequest) =>
  call<AdminMemberView>(api.POST('/api/admin/members/{membershipId}/revoke', { params: { path: { membershipId } }, body }));
