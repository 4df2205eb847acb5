import type { AfterSalesView, CreateAfterSalesRequest, UploadedPhoto } from '@member-commerce/shared';
import { http } from '../request';

export const createAfterSales = (orderId: number, input: CreateAfterSalesRequest) =>
  http.post<AfterSalesView>(`/api/orders/${orderId}/after-sales`, input);
export const listMyAfterSales = (orderId?: number) => http.get<AfterSalesView[]>('/api/me/after-sales', { query: { orderId } });
export const cancelAfterSales = (id: number) => http.post<AfterSalesView>(`/api/me/after-sales/${id}/cancel`);
/** The server checks the bytes are a JPEG, PNG or WebP image of at most 2 MB. */
export const uploadAfterSalesPhoto = (bytes: ArrayBuffer, contentType: string) =>
  http.upload<UploadedPhoto>('/api/after-sales/photos', bytes, contentType);
