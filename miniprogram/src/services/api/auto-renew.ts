import type { MyAutoRenewView, SimulatorNotifyView, StartAutoRenewResponse } from '@member-commerce/shared';
import { api, publicApi, call } from '../request';

export const getMyAutoRenew = () => call<MyAutoRenewView>(api.GET('/api/me/auto-renew'));
export const startAutoRenew = (tierId: number) =>
  call<StartAutoRenewResponse>(api.POST('/api/me/auto-renew', { body: { tierId } }));
// Sent with an empty JSON body `{}` (request.ts does so for every bodiless non-GET: wx.request always declares JSON).
export const cancelAutoRenew = () => call<void>(api.DELETE('/api/me/auto-renew'));
/** Dev simulator only: "the customer confirms the contract in WeChat". */
export const signInSimulator = (contractId: number) =>
  call<SimulatorNotifyView>(
    publicApi.POST('/api/dev/wechat/papay/{contractId}/sign', { params: { path: { contractId } } }),
  );
