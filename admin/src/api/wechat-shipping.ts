import type { ShipOrderRequest, WechatShippingView } from '@member-commerce/shared';
import { http } from './client';

/** The order's shipping information at WeChat; null when none is needed (not shipped, or a milestone gift). */
export const getWechatShipping = (orderId: number) => http.get<WechatShippingView | null>(`/api/admin/orders/${orderId}/wechat-shipping`);

export const retryWechatShipping = (orderId: number) =>
  http.post<WechatShippingView>(`/api/admin/orders/${orderId}/wechat-shipping/retry`, {});

/** Corrects the courier or tracking number; WeChat allows one such change per payment. */
export const changeShipment = (orderId: number, shipment: ShipOrderRequest) =>
  http.put<WechatShippingView | null>(`/api/admin/orders/${orderId}/shipment`, shipment);
