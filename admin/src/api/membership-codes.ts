import type {
  CodeBatchCreated,
  CodeBatchView,
  CodeView,
  CreateCodeBatchRequest,
  GiftCodesAdminView,
  TrialStatsView,
} from '@member-commerce/shared';
import { api, call, download } from './client';

export const listCodeBatches = () => call<CodeBatchView[]>(api.GET('/api/admin/membership-codes/batches'));
export const createCodeBatch = (body: CreateCodeBatchRequest) =>
  call<CodeBatchCreated>(api.POST('/api/admin/membership-codes/batches', { body }));
export const exportCodeBatch = (id: number) =>
  download(api.GET('/api/admin/membership-codes/batches/{id}/export', { params: { path: { id } }, parseAs: 'stream' }));
export const voidCodeBatch = (id: number, reason: string) =>
  call<CodeBatchView>(api.POST('/api/admin/membership-codes/batches/{id}/void', { params: { path: { id } }, body: { reason } }));
export const voidCode = (code: string, reason: string) =>
  call<CodeView>(api.POST('/api/admin/membership-codes/void', { body: { code, reason } }));
export const listGiftCodes = () => call<GiftCodesAdminView>(api.GET('/api/admin/membership-codes/gifts'));
export const getTrialStats = () => call<TrialStatsView>(api.GET('/api/admin/trials/stats'));
