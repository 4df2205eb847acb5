import type {
  ExportJobView,
  FinanceExportQuery,
  FinanceReport,
  ReconciliationMismatch,
  ReconciliationStatement,
  ResolveMismatchRequest,
} from '@member-commerce/shared';
import { http } from './client';

export type { FinanceExportQuery };

export interface FinanceReportQuery {
  /** YYYY-MM, shop time zone */
  from: string;
  to: string;
  tierId?: number;
}

export const getFinanceReport = (query: FinanceReportQuery) => http.get<FinanceReport>('/api/admin/finance/report', { ...query });

/** Streams a short export straight to the browser; the caller saves the Blob. */
export const downloadFinanceExport = (query: FinanceExportQuery) => http.blob('/api/admin/finance/export', { ...query });

export const startExportJob = (query: FinanceExportQuery) => http.post<ExportJobView>('/api/admin/finance/export-jobs', query);
export const listExportJobs = () => http.get<ExportJobView[]>('/api/admin/finance/export-jobs');
export const getExportJob = (id: number) => http.get<ExportJobView>(`/api/admin/finance/export-jobs/${id}`);
export const downloadExportJob = (id: number) => http.blob(`/api/admin/finance/export-jobs/${id}/file`);

export const getReconciliation = (date: string) => http.get<ReconciliationStatement>('/api/admin/finance/reconciliation', { date });
export const resolveMismatch = (body: ResolveMismatchRequest) =>
  http.post<ReconciliationMismatch>('/api/admin/finance/reconciliation/resolutions', body);
export const downloadReconciliation = (date: string, format: 'csv' | 'xlsx', onProgress: (bytes: number) => void) =>
  http.download('/api/admin/finance/reconciliation/export', { date, format }, onProgress);
