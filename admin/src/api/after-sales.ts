import type {
  AdminAfterSalesView,
  AfterSalesStatus,
  OrderView,
  Page,
  ReturnAddressSetting,
  ReturnAddressView,
} from '@member-commerce/shared';
import { api, call } from './client';

export const listAfterSales = (query: { status?: AfterSalesStatus; page?: number; pageSize?: number } = {}) =>
  call<Page<AdminAfterSalesView>>(api.GET('/api/admin/after-sales', { params: { query } }));
/** REFUND_ONLY: refunds now (or files a refund request above the caller's limit); RETURN_REFUND: awaits the goods. */
export const approveAfterSales = (id: number, note?: string) =>
  call<AdminAfterSalesView>(api.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id } }, body: note ? { note } : {} }));
export const receivedAfterSalesReturn = (id: number, note?: string) =>
  call<AdminAfterSalesView>(api.POST('/api/admin/after-sales/{id}/received', { params: { path: { id } }, body: note ? { note } : {} }));
/** Staff adjust the amount of an undecided request, within what the order can still refund. */
export const updateAfterSalesAmount = (id: number, amountFen: number) =>
  call<AdminAfterSalesView>(api.PATCH('/api/admin/after-sales/{id}', { params: { path: { id } }, body: { amountFen } }));
export const rejectAfterSales = (id: number, note: string) =>
  call<AdminAfterSalesView>(api.POST('/api/admin/after-sales/{id}/reject', { params: { path: { id } }, body: { note } }));
/** Cancel an unshipped gift order (the pack goes back to stock, the claim is removed). */
export const cancelGiftOrder = (id: number, reason: string) =>
  call<OrderView>(api.POST('/api/admin/gift-orders/{id}/cancel', { params: { path: { id } }, body: { reason } }));
/** The shop's return address shown to customers whose return is approved (null until set). */
export const getReturnAddress = () => call<ReturnAddressSetting>(api.GET('/api/admin/after-sales/return-address'));
export const updateReturnAddress = (address: ReturnAddressView) =>
  call<ReturnAddressSetting>(api.PUT('/api/admin/after-sales/return-address', { body: address }));
