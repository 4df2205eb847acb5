// What the dev WeChat simulator (server: wechat/dev/, `WECHAT_MODE=dev` only) answers to the apps' dev pages.

/** `GET /api/dev/wechat/pay/:outTradeNo`: a prepay order as the simulator pay page shows it. */
export interface SimulatedPaymentView {
  outTradeNo: string;
  description: string;
  amountFen: number;
  state: string;
}

/** `POST /api/dev/wechat/...`: what the server's own notify route answered to the simulated WeChat callback. */
export interface SimulatorNotifyView {
  notifyStatus: number;
}

/** `GET /api/dev/wechat/messages`: a subscribe message the simulator received. */
export interface DevWechatMessageView {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  sentAt: string;
  errcode: number;
}
