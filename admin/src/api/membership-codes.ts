import type {
  CodeBatchCreated,
  CodeBatchView,
  CodeView,
  CreateCodeBatchRequest,
  GiftCodesAdminView,
  TrialStatsView,
} from '@member-commerce/shared';
import { http } from './client';

export const listCodeBatches = () => http.get<CodeBatchView[]>('/api/admin/membership-codes/batches');
export const createCodeBatch = (body: CreateCodeBatchRequest) => http.post<CodeBatchCreated>('/api/admin/membership-codes/batches', body);
export const exportCodeBatch = (id: number) => http.blob(`/api/admin/membership-codes/batches/${id}/export`);
export const voidCodeBatch = (id: number, reason: string) =>
  http.post<CodeBatchView>(`/api/admin/membership-codes/batches/${id}/void`, { reason });
export const voidCode = (code: string, reason: string) => http.post<CodeView>('/api/admin/membership-codes/void', { code, reason });
export const listGiftCodes = () => http.get<GiftCodesAdminView>('/api/admin/membership-codes/gifts');
export const getTrialStats = () => http.get<TrialStatsView>('/api/admin/trials/stats');
