import type {
  ExportJobView,
  FinanceExportQuery,
  FinanceReport,
  ReconciliationMismatch,
  ReconciliationStatement,
  ResolveMismatchRequest,
} from '@member-commerce/shared';
import { api, call, download } from './client';

export type { FinanceExportQuery };

export interface FinanceReportQuery {
  /** YYYY-MM, shop time zone */
  from: string;
  to: string;
  tierId?: number;
}

export const getFinanceReport = (query: FinanceReportQuery) =>
  call<FinanceReport>(api.GET('/api/admin/finance/report', { params: { query } }));

/** Streams a short export straight to the browser; the caller saves the Blob. */
export const downloadFinanceExport = (query: FinanceExportQuery) =>
  download(api.GET('/api/admin/finance/export', { params: { query }, parseAs: 'stream' }));

export const startExportJob = (query: FinanceExportQuery) =>
  call<ExportJobView>(api.POST('/api/admin/finance/export-jobs', { body: query }));
export const listExportJobs = () => call<ExportJobView[]>(api.GET('/api/admin/finance/export-jobs'));
export const getExportJob = (id: number) =>
  call<ExportJobView>(api.GET('/api/admin/finance/export-jobs/{id}', { params: { path: { id } } }));
export const downloadExportJob = (id: number) =>
  download(api.GET('/api/admin/finance/export-jobs/{id}/file', { params: { path: { id } }, parseAs: 'stream' }));

export const getReconciliation = (date: string) =>
  call<ReconciliationStatement>(api.GET('/api/admin/finance/reconciliation', { params: { query: { date } } }));
export const resolveMismatch = (body: ResolveMismatchRequest) =>
  call<ReconciliationMismatch>(api.POST('/api/admin/finance/reconciliation/resolutions', { body }));
export const downloadReconciliation = (date: string, format: 'csv' | 'xlsx', onProgress: (bytes: number) => void) =>
  download(api.GET('/api/admin/finance/reconciliation/export', { params: { query: { date, format } }, parseAs: 'stream' }), onProgress);
