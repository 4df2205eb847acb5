import type { AdminAutoRenewContract, AutoRenewContractStatus, AutoRenewRunResult } from '@member-commerce/shared';
import { api, call } from './client';

export const listAutoRenewContracts = (status?: AutoRenewContractStatus) =>
  call<AdminAutoRenewContract[]>(api.GET('/api/admin/auto-renew/contracts', { params: { query: status ? { status } : {} } }));

export const runAutoRenew = () => call<AutoRenewRunResult>(api.POST('/api/admin/auto-renew/run', { body: {} }));
