import { call, publicApi } from '../request';

/** What the dev WeChat simulator knows about a prepay order (`WECHAT_MODE=dev` only). */
export interface SimulatedPayment {
  outTradeNo: string;
  description: string;
  amountFen: number;
  state: string;
}

const payment = (outTradeNo: string) => ({ params: { path: { outTradeNo } } });

export const getSimulatedPayment = (outTradeNo: string) =>
  call<SimulatedPayment>(publicApi.GET('/api/dev/wechat/pay/{outTradeNo}', payment(outTradeNo)));
export const confirmSimulatedPayment = (outTradeNo: string) =>
  call<unknown>(publicApi.POST('/api/dev/wechat/pay/{outTradeNo}/confirm', payment(outTradeNo)));
export const failSimulatedPayment = (outTradeNo: string) =>
  call<unknown>(publicApi.POST('/api/dev/wechat/pay/{outTradeNo}/fail', payment(outTradeNo)));
