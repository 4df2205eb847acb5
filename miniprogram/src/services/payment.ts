import Taro from '@tarojs/taro';
import { OrderStatus, type OrderView, type WechatPaymentParams } from '@member-commerce/shared';
import { Routes } from '../routes';
import { ApiError } from './api-error';
import { getOrder, syncOrder } from './api/orders';
import { isH5 } from './env';
import { replace } from './navigation';

export type PaidOrderKind = 'membership' | 'product';

/** Where to land after paying: membership orders get the success page that asks for reminders. */
export const resultRoute = (kind: PaidOrderKind) => (kind === 'membership' ? Routes.joinSuccess : Routes.orderResult);

/**
 * Pays an order and moves on to its result page. weapp: `wx.requestPayment` with the server-signed
 * params. H5: the dev WeChat simulator page (confirm / fail), which continues to the result page.
 * The client result is only a hint: result pages poll the order until the server says PAID.
 */
export async function payOrder(
  order: { id: number; outTradeNo: string },
  payment: WechatPaymentParams,
  kind: PaidOrderKind,
) {
  if (isH5) {
    await replace(Routes.devPay, { outTradeNo: order.outTradeNo, orderId: order.id, kind });
    return;
  }
  try {
    await Taro.requestPayment({ ...payment, signType: 'RSA' });
  } catch (error) {
    const msg = (error as { errMsg?: string })?.errMsg ?? '';
    // Cancelled or failed: the result page shows the unpaid order with "pay again" / "cancel".
    if (!/cancel/i.test(msg)) await Taro.showToast({ title: '支付失败', icon: 'none' });
  }
  await replace(resultRoute(kind), { orderId: order.id });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the server has the payment (usually its notify arrived first); every few polls it asks the
 * server to query WeChat itself, in case the notify is late. Gives up after ~12 s.
 */
export async function waitUntilPaid(orderId: number, attempts = 12): Promise<OrderView> {
  let order = await getOrder(orderId);
  for (let i = 0; i < attempts && order.status === OrderStatus.PENDING_PAYMENT; i += 1) {
    await sleep(1000);
    order = i % 3 === 2 ? await syncOrder(orderId) : await getOrder(orderId);
  }
  return order;
}

export function assertId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new ApiError('BAD_REQUEST', '参数错误');
  return id;
}
