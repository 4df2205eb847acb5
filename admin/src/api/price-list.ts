import type { PriceListApplyResult, PriceListPreview } from '@member-commerce/shared';
import { http } from './client';

export const previewPriceList = (csv: string) => http.post<PriceListPreview>('/api/admin/price-list/preview', { csv });

export const applyPriceList = (csv: string, token: string) =>
  http.post<PriceListApplyResult>('/api/admin/price-list/apply', { csv, token });

export const downloadPriceList = (onProgress: (bytes: number) => void) =>
  http.download('/api/admin/price-list/export', undefined, onProgress);
