import type {
  CheckoutQuote,
  CreateMembershipOrderRequest,
  CreateOrderResponse,
  CreateProductOrderRequest,
  CustomerOrderGroup,
  OrderStatus,
  OrderView,
  MyOrderCounts,
  Page,
  ReorderResult,
  WechatPaymentParams,
  WechatReceiptParams,
} from '@member-commerce/shared';
import { http } from '../request';

export const createMembershipOrder = (input: CreateMembershipOrderRequest) =>
  http.post<CreateOrderResponse>('/api/orders/membership', input);
export const createProductOrder = (input: CreateProductOrderRequest) =>
  http.post<CreateOrderResponse>('/api/orders', input);
export const listOrders = (query: {
  status?: OrderStatus;
  group?: CustomerOrderGroup;
  page?: number;
  pageSize?: number;
}) => http.get<Page<OrderView>>('/api/orders', { query });
export const getOrder = (id: number) => http.get<OrderView>(`/api/orders/${id}`);
/** Asks the server to check with WeChat whether the order is paid (the client's own result is only a hint). */
export const syncOrder = (id: number) => http.post<OrderView>(`/api/orders/${id}/sync`);
export const cancelOrder = (id: number) => http.post<OrderView>(`/api/orders/${id}/cancel`);
export const repayOrder = (id: number) => http.post<WechatPaymentParams>(`/api/orders/${id}/payment`);
/** Where a gift that has not been shipped goes. */
export const chooseGiftAddress = (id: number, addressId: number) =>
  http.put<OrderView>(`/api/orders/${id}/address`, { addressId });
/** What the basket costs now, priced by the server exactly as checkout will (shipping, coupon, usable coupons). */
export const quoteOrder = (input: { items: { skuId: number; quantity: number }[]; couponId?: number }) =>
  http.post<CheckoutQuote>('/api/orders/quote', input);
/** The payment WeChat's confirm-receipt component names (a welcome gift's is its membership order's). */
export const getReceiptParams = (id: number) => http.get<WechatReceiptParams>(`/api/orders/${id}/receipt`);
/** The parcel arrived: the shipped order completes. */
export const confirmReceipt = (id: number) => http.post<OrderView>(`/api/orders/${id}/confirm-receipt`);
/** The counts on 我的: to pay, to ship, to receive, open after-sales requests. */
export const getOrderCounts = () => http.get<MyOrderCounts>('/api/orders/counts');
/** 再来一单: what of this order can go into the cart again. */
export const reorder = (id: number) => http.post<ReorderResult>(`/api/orders/${id}/reorder`);
