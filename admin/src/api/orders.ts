import type {
  AdminOrderView,
  BulkShipResult,
  ShipOrderRequest,
  CreateRefundRequest,
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
import { api, call, download } from './client';

export interface OrderQuery {
  kind?: OrderKind;
  status?: OrderStatus;
  q?: string;
  /** YYYY-MM-DD, shop time zone. */
  from?: string;
  to?: string;
  tierId?: number;
  /** One customer's orders (客户详情). */
  customerId?: number;
  fulfilment?: 'TO_SHIP' | 'SHIPPED';
  /** Orders whose shipping information WeChat refused (staff retry them on the order). */
  wechatShipping?: 'FAILED';
  page?: number;
  pageSize?: number;
}

export const searchOrders = (query: OrderQuery = {}) => call<Page<AdminOrderView>>(api.GET('/api/admin/orders', { params: { query } }));

export const getOrder = (id: number) => call<AdminOrderView>(api.GET('/api/admin/orders/{id}', { params: { path: { id } } }));

export const shipOrder = (id: number, shipment: ShipOrderRequest) =>
  call<AdminOrderView>(api.POST('/api/admin/orders/{id}/ship', { params: { path: { id } }, body: shipment }));

export const getRefundQuote = (id: number) =>
  call<RefundQuote>(api.GET('/api/admin/orders/{id}/refund-quote', { params: { path: { id } } }));

/** A refund (201), or a refund request (202) when the amount passes the caller's cumulative limit. */
export const refundOrder = (id: number, body: CreateRefundRequest) =>
  call<CreateRefundResponse>(api.POST('/api/admin/orders/{id}/refunds', { params: { path: { id } }, body }));

export const listRefundRequests = (query: { status?: RefundRequestStatus; page?: number; pageSize?: number } = {}) =>
  call<Page<RefundRequestView>>(api.GET('/api/admin/refund-requests', { params: { query } }));

export const approveRefundRequest = (id: number, note?: string) =>
  call<RefundRequestView>(api.POST('/api/admin/refund-requests/{id}/approve', { params: { path: { id } }, body: note ? { note } : {} }));

export const rejectRefundRequest = (id: number, note: string) =>
  call<RefundRequestView>(api.POST('/api/admin/refund-requests/{id}/reject', { params: { path: { id } }, body: { note } }));

/** Things staff must look at, e.g. a refund that took spend below a milestone already rewarded. */
export const listAlerts = () => call<StaffAlertView[]>(api.GET('/api/admin/alerts'));

/** Payments WeChat took but our checks rejected (amount, appid, mchid): they never activate; staff must act. */
export const listFlaggedPayments = () =>
  call<PaymentView[]>(api.GET('/api/admin/payments/flagged', { params: { query: { resolved: '0' } } }));

export const resolveFlaggedPayment = (id: number, note: string) =>
  call<PaymentView>(api.POST('/api/admin/payments/{id}/resolve', { params: { path: { id } }, body: { note } }));
export const resolveAlert = (id: number, note: string) =>
  call<StaffAlertView>(api.POST('/api/admin/alerts/{id}/resolve', { params: { path: { id } }, body: { note } }));

/** A refund WeChat refused: sent again with the same out_refund_no. */
export const retryRefund = (id: number) => call<RefundView>(api.POST('/api/admin/refunds/{id}/retry', { params: { path: { id } } }));
/** A refused or abnormal refund given up: nothing is refunded. */
export const closeRefund = (id: number, note: string) =>
  call<RefundView>(api.POST('/api/admin/refunds/{id}/close', { params: { path: { id } }, body: { note } }));
/** An abnormal refund paid back outside WeChat Pay. */
export const refundOffline = (id: number, note: string) =>
  call<RefundView>(api.POST('/api/admin/refunds/{id}/offline', { params: { path: { id } }, body: { note } }));

export const downloadOrders = (query: Omit<OrderQuery, 'page' | 'pageSize'>, onProgress: (bytes: number) => void) =>
  download(api.GET('/api/admin/orders/export', { params: { query }, parseAs: 'stream' }), onProgress);

/**
 * Ships every row of a CSV (订单号, 快递公司, 快递单号); each row succeeds or fails on its own. `preview` checks the
 * rows and ships nothing.
 */
export const shipOrdersFromCsv = (csv: string, preview = false) =>
  call<BulkShipResult>(api.POST('/api/admin/orders/ship-batch', { body: { csv, preview } }));
