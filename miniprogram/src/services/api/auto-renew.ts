import type { MyAutoRenewView, StartAutoRenewResponse } from '@member-commerce/shared';
import { http } from '../request';

export const getMyAutoRenew = () => http.get<MyAutoRenewView>('/api/me/auto-renew');
export const startAutoRenew = (tierId: number) => http.post<StartAutoRenewResponse>('/api/me/auto-renew', { tierId });
// An empty JSON body: wx.request always declares JSON, and the server refuses a declared-but-empty body.
export const cancelAutoRenew = () => http.delete<void>('/api/me/auto-renew', { data: {} });
/** Dev simulator only: "the customer confirms the contract in WeChat". */
export const signInSimulator = (contractId: number) =>
  http.post<{ notifyStatus: number }>(`/api/dev/wechat/papay/${contractId}/sign`, {}, { auth: 'optional' });
