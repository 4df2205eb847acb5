import type {
  AdminAfterSalesView,
  AfterSalesStatus,
  OrderView,
  Page,
  ReturnAddressSetting,
  ReturnAddressView,
} from '@member-commerce/shared';
import { http } from './client';

export const listAfterSales = (query: { status?: AfterSalesStatus; page?: number; pageSize?: number } = {}) =>
  http.get<Page<AdminAfterSalesView>>('/api/admin/after-sales', { ...query });
/** REFUND_ONLY: refunds now (or files a refund request above the caller's limit); RETURN_REFUND: awaits the goods. */
export const approveAfterSales = (id: number, note?: string) =>
  http.post<AdminAfterSalesView>(`/api/admin/after-sales/${id}/approve`, note ? { note } : {});
export const receivedAfterSalesReturn = (id: number, note?: string) =>
  http.post<AdminAfterSalesView>(`/api/admin/after-sales/${id}/received`, note ? { note } : {});
/** Staff adjust the amount of an undecided request, within what the order can still refund. */
export const updateAfterSalesAmount = (id: number, amountFen: number) =>
  http.patch<AdminAfterSalesView>(`/api/admin/after-sales/${id}`, { amountFen });
export const rejectAfterSales = (id: number, note: string) =>
  http.post<AdminAfterSalesView>(`/api/admin/after-sales/${id}/reject`, { note });
/** Cancel an unshipped gift order (the pack goes back to stock, the claim is removed). */
export const cancelGiftOrder = (id: number, reason: string) => http.post<OrderView>(`/api/admin/gift-orders/${id}/cancel`, { reason });
/** The shop's return address shown to customers whose return is approved (null until set). */
export const getReturnAddress = () => http.get<ReturnAddressSetting>('/api/admin/after-sales/return-address');
export const updateReturnAddress = (address: ReturnAddressView) =>
  http.put<ReturnAddressSetting>('/api/admin/after-sales/return-address', address);
