import type { AdminAutoRenewContract, AutoRenewContractStatus, AutoRenewRunResult } from '@member-commerce/shared';
import { http } from './client';

export const listAutoRenewContracts = (status?: AutoRenewContractStatus) =>
  http.get<AdminAutoRenewContract[]>('/api/admin/auto-renew/contracts', status ? { status } : {});

export const runAutoRenew = () => http.post<AutoRenewRunResult>('/api/admin/auto-renew/run', {});
