import type { SimulatedPaymentView, SimulatorNotifyView } from '@member-commerce/shared';
import { call, publicApi } from '../request';

// The dev WeChat simulator's pay page (`WECHAT_MODE=dev` only).
const payment = (outTradeNo: string) => ({ params: { path: { outTradeNo } } });

export const getSimulatedPayment = (outTradeNo: string) =>
  call<SimulatedPaymentView>(publicApi.GET('/api/dev/wechat/pay/{outTradeNo}', payment(outTradeNo)));
export const confirmSimulatedPayment = (outTradeNo: string) =>
  call<SimulatorNotifyView>(publicApi.POST('/api/dev/wechat/pay/{outTradeNo}/confirm', payment(outTradeNo)));
export const failSimulatedPayment = (outTradeNo: string) =>
  call<unknown>(publicApi.POST('/api/dev/wechat/pay/{outTradeNo}/fail', payment(outTradeNo)));
