import type { AdminOrderView, OrderKind, OrderStatus, Page, PaymentView, RefundQuote, RefundView } from '@member-commerce/shared';
import { http } from './client';

export interface OrderQuery {
  kind?: OrderKind;
  status?: OrderStatus;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface RefundRequest {
  amountFen?: number;
  reason: string;
}

export const searchOrders = (query: OrderQuery = {}) => http.get<Page<AdminOrderView>>('/api/admin/orders', { ...query });

export const getOrder = (id: number) => http.get<AdminOrderView>(`/api/admin/orders/${id}`);

export const shipOrder = (id: number) => http.post<AdminOrderView>(`/api/admin/orders/${id}/ship`);

export const getRefundQuote = (id: number) => http.get<RefundQuote>(`/api/admin/orders/${id}/refund-quote`);

export const refundOrder = (id: number, body: RefundRequest) => http.post<RefundView>(`/api/admin/orders/${id}/refunds`, body);

/** Payments WeChat took but our checks rejected (amount, appid, mchid): they never activate; staff must act. */
export const listFlaggedPayments = () => http.get<PaymentView[]>('/api/admin/payments/flagged');
