import type {
  AfterSalesView,
  CreateAfterSalesRequest,
  SubmitReturnShipmentRequest,
  UploadedPhoto,
} from '@member-commerce/shared';
import { api, call, rawBody } from '../request';

export const createAfterSales = (orderId: number, input: CreateAfterSalesRequest) =>
  call<AfterSalesView>(api.POST('/api/orders/{id}/after-sales', { params: { path: { id: orderId } }, body: input }));
export const listMyAfterSales = (orderId?: number) =>
  call<AfterSalesView[]>(api.GET('/api/me/after-sales', { params: { query: { orderId } } }));
export const cancelAfterSales = (id: number) =>
  call<AfterSalesView>(api.POST('/api/me/after-sales/{id}/cancel', { params: { path: { id } } }));
/** For one of my orders; the server decodes the bytes (a JPEG or PNG of at most 2 MB) and keeps them as a JPEG. */
export const uploadAfterSalesPhoto = (orderId: number, bytes: ArrayBuffer, contentType: string) =>
  call<UploadedPhoto>(
    api.POST('/api/after-sales/photos', { params: { query: { orderId } }, ...rawBody(bytes, contentType) }),
  );
/** An approved return: the carrier and tracking number of the parcel I sent back (may be corrected until it arrives). */
export const submitReturnShipment = (id: number, input: SubmitReturnShipmentRequest) =>
  call<AfterSalesView>(api.POST('/api/me/after-sales/{id}/return-shipment', { params: { path: { id } }, body: input }));
