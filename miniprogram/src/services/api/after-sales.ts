import type {
  AfterSalesView,
  CreateAfterSalesRequest,
  SubmitReturnShipmentRequest,
  UploadedPhoto,
} from '@member-commerce/shared';
import { http } from '../request';

export const createAfterSales = (orderId: number, input: CreateAfterSalesRequest) =>
  http.post<AfterSalesView>(`/api/orders/${orderId}/after-sales`, input);
export const listMyAfterSales = (orderId?: number) =>
  http.get<AfterSalesView[]>('/api/me/after-sales', { query: { orderId } });
export const cancelAfterSales = (id: number) => http.post<AfterSalesView>(`/api/me/after-sales/${id}/cancel`);
/** For one of my orders; the server decodes the bytes (a JPEG or PNG of at most 2 MB) and keeps them as a JPEG. */
export const uploadAfterSalesPhoto = (orderId: number, bytes: ArrayBuffer, contentType: string) =>
  http.upload<UploadedPhoto>(`/api/after-sales/photos?orderId=${orderId}`, bytes, contentType);
/** An approved return: the carrier and tracking number of the parcel I sent back (may be corrected until it arrives). */
export const submitReturnShipment = (id: number, input: SubmitReturnShipmentRequest) =>
  http.post<AfterSalesView>(`/api/me/after-sales/${id}/return-shipment`, input);
