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
import { api, call } from '../request';

export const createMembershipOrder = (input: CreateMembershipOrderRequest) =>
  call<CreateOrderResponse>(api.POST('/api/orders/membership', { body: input }));
export const createProductOrder = (input: CreateProductOrderRequest) =>
  call<CreateOrderResponse>(api.POST('/api/orders', { body: input }));
export const listOrders = (query: {
  status?: OrderStatus;
  group?: CustomerOrderGroup;
  page?: number;
  pageSize?: number;
}) => call<Page<OrderView>>(api.GET('/api/orders', { params: { query } }));
export const getOrder = (id: number) => call<OrderView>(api.GET('/api/orders/{id}', { params: { path: { id } } }));
/** Asks the server to check with WeChat whether the order is paid (the client's own result is only a hint). */
export const syncOrder = (id: number) =>
  call<OrderView>(api.POST('/api/orders/{id}/sync', { params: { path: { id } } }));
export const cancelOrder = (id: number) =>
  call<OrderView>(api.POST('/api/orders/{id}/cancel', { params: { path: { id } } }));
export const repayOrder = (id: number) =>
  call<WechatPaymentParams>(api.POST('/api/orders/{id}/payment', { params: { path: { id } } }));
/** Where a gift that has not been shipped goes. */
export const chooseGiftAddress = (id: number, addressId: number) =>
  call<OrderView>(api.PUT('/api/orders/{id}/address', { params: { path: { id } }, body: { addressId } }));
/** What the basket costs now, priced by the server exactly as checkout will (shipping, coupon, usable coupons). */
export const quoteOrder = (input: { items: { skuId: number; quantity: number }[]; couponId?: number }) =>
  call<CheckoutQuote>(api.POST('/api/orders/quote', { body: input }));
/** The payment WeChat's confirm-receipt component names (a welcome gift's is its membership order's). */
export const getReceiptParams = (id: number) =>
  call<WechatReceiptParams>(api.GET('/api/orders/{id}/receipt', { params: { path: { id } } }));
/** The parcel arrived: the shipped order completes. */
export const confirmReceipt = (id: number) =>
  call<OrderView>(api.POST('/api/orders/{id}/confirm-receipt', { params: { path: { id } } }));
/** The counts on 我的: to pay, to ship, to receive, open after-sales requests. */
export const getOrderCounts = () => call<MyOrderCounts>(api.GET('/api/orders/counts'));
/** 再来一单: what of this order can go into the cart again. */
export const reorder = (id: number) =>
  call<ReorderResult>(api.POST('/api/orders/{id}/reorder', { params: { path: { id } } }));
