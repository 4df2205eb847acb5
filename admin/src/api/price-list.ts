import type { PriceListApplyResult, PriceListPreview } from '@member-commerce/shared';
import { api, call, download } from './client';

export const previewPriceList = (csv: string) => call<PriceListPreview>(api.POST('/api/admin/price-list/preview', { body: { csv } }));

export const applyPriceList = (csv: string, token: string) =>
  call<PriceListApplyResult>(api.POST('/api/admin/price-list/apply', { body: { csv, token } }));

export const downloadPriceList = (onProgress: (bytes: number) => void) =>
  download(api.GET('/api/admin/price-list/export', { parseAs: 'stream' }), onProgress);
