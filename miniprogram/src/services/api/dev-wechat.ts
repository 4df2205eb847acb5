import { http } from '../request';

/** What the dev WeChat simulator knows about a prepay order (`WECHAT_MODE=dev` only). */
export interface SimulatedPayment {
  outTradeNo: string;
  description: string;
  amountFen: number;
  state: string;
}

const base = (outTradeNo: string) => `/api/dev/wechat/pay/${encodeURIComponent(outTradeNo)}`;

export const getSimulatedPayment = (outTradeNo: string) =>
  http.get<SimulatedPayment>(base(outTradeNo), { auth: 'optional' });
export const confirmSimulatedPayment = (outTradeNo: string) =>
  http.post<unknown>(`${base(outTradeNo)}/confirm`, {}, { auth: 'optional' });
export const failSimulatedPayment = (outTradeNo: string) =>
  http.post<unknown>(`${base(outTradeNo)}/fail`, {}, { auth: 'optional' });
