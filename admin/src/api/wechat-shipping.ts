import type { ShipOrderRequest, WechatShippingView } from '@member-commerce/shared';
import { api, call } from './client';

/** The order's shipping information at WeChat; null when none is needed (not shipped, or a milestone gift). */
export const getWechatShipping = (orderId: number) =>
  call<WechatShippingView | null>(api.GET('/api/admin/orders/{id}/wechat-shipping', { params: { path: { id: orderId } } }));

export const retryWechatShipping = (orderId: number) =>
  call<WechatShippingView>(api.POST('/api/admin/orders/{id}/wechat-shipping/retry', { params: { path: { id: orderId } } }));

/** Corrects the courier or tracking number; WeChat allows one such change per payment. */
export const changeShipment = (orderId: number, shipment: ShipOrderRequest) =>
  call<WechatShippingView | null>(api.PUT('/api/admin/orders/{id}/shipment', { params: { path: { id: orderId } }, body: shipment }));
