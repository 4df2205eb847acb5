import type {
  AdminOrderView,
  BulkShipResult,
  ShipOrderRequest,
  CreateRefundResponse,
  OrderKind,
  OrderStatus,
  Page,
  PaymentView,
  RefundQuote,
  RefundRequestStatus,
  RefundRequestView,
  RefundView,
  StaffAlertView,
} from '@member-commerce/shared';
import { http } from './client';

export interface OrderQuery {
  kind?: OrderKind;
  status?: OrderStatus;
  q?: string;
  /** YYYY-MM-DD, shop time zone. */
  from?: string;
  to?: string;
  tierId?: number;
  fulfilment?: 'TO_SHIP' | 'SHIPPED';
  /** Orders whose shipping information WeChat refused (staff retry them on the order). */
  wechatShipping?: 'FAILED';
  page?: number;
  pageSize?: number;
}

export interface RefundRequest {
  amountFen?: number;
  reason: string;
}

export const searchOrders = (query: OrderQuery = {}) => http.get<Page<AdminOrderView>>('/api/admin/orders', { ...query });

export const getOrder = (id: number) => http.get<AdminOrderView>(`/api/admin/orders/${id}`);

export const shipOrder = (id: number, shipment: ShipOrderRequest) => http.post<AdminOrderView>(`/api/admin/orders/${id}/ship`, shipment);

export const getRefundQuote = (id: number) => http.get<RefundQuote>(`/api/admin/orders/${id}/refund-quote`);

/** A refund (201), or a refund request (202) when the amount passes the caller's cumulative limit. */
export const refundOrder = (id: number, body: RefundRequest) => http.post<CreateRefundResponse>(`/api/admin/orders/${id}/refunds`, body);

export const listRefundRequests = (query: { status?: RefundRequestStatus; page?: number; pageSize?: number } = {}) =>
  http.get<Page<RefundRequestView>>('/api/admin/refund-requests', { ...query });

export const approveRefundRequest = (id: number, note?: string) =>
  http.post<RefundRequestView>(`/api/admin/refund-requests/${id}/approve`, note ? { note } : {});

export const rejectRefundRequest = (id: number, note: string) =>
  http.post<RefundRequestView>(`/api/admin/refund-requests/${id}/reject`, { note });

/** Things staff must look at, e.g. a refund that took spend below a milestone already rewarded. */
export const listAlerts = () => http.get<StaffAlertView[]>('/api/admin/alerts');

/** Payments WeChat took but our checks rejected (amount, appid, mchid): they never activate; staff must act. */
export const listFlaggedPayments = () => http.get<PaymentView[]>('/api/admin/payments/flagged');

export const resolveFlaggedPayment = (id: number, note: string) => http.post<PaymentView>(`/api/admin/payments/${id}/resolve`, { note });
export const resolveAlert = (id: number, note: string) => http.post<StaffAlertView>(`/api/admin/alerts/${id}/resolve`, { note });

/** A refund WeChat refused: sent again with the same out_refund_no. */
export const retryRefund = (id: number) => http.post<RefundView>(`/api/admin/refunds/${id}/retry`, {});
/** A refused or abnormal refund given up: nothing is refunded. */
export const closeRefund = (id: number, note: string) => http.post<RefundView>(`/api/admin/refunds/${id}/close`, { note });
/** An abnormal refund paid back outside WeChat Pay. */
export const refundOffline = (id: number, note: string) => http.post<RefundView>(`/api/admin/refunds/${id}/offline`, { note });

export const downloadOrders = (query: Omit<OrderQuery, 'page' | 'pageSize'>, onProgress: (bytes: number) => void) =>
  http.download('/api/admin/orders/export', { ...query }, onProgress);

/**
 * Ships every row of a CSV (订单号, 快递公司, 快递单号); each row succeeds or fails on its own. `preview` checks the
 * rows and ships nothing.
 */
export const shipOrdersFromCsv = (csv: string, preview = false) =>
  http.post<BulkShipResult>('/api/admin/orders/ship-batch', { csv, preview });
