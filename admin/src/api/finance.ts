import { http } from './client';

export interface FinanceExportQuery {
  /** YYYY-MM-DD, shop time zone */
  from: string;
  to: string;
  format: 'csv' | 'xlsx';
  tierId?: number;
}

/** Streams the ledger export; the caller saves the Blob. */
export const downloadFinanceExport = (query: FinanceExportQuery) => http.blob('/api/admin/finance/export', { ...query });
