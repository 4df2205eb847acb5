import type {
  JsapiOrderInput, NotifyHeaders, RefundInput, SubscribeMessageInput, SubscribeMessageResult, WechatGateway, WechatNotification, WechatRefund,
  WechatSession, WechatTransaction,
} from '../wechat-gateway';
import { parseWechatPayNotification } from '../pay/notify-verifier';
import { toWechatTime } from '../pay/pay-crypto';
import { signPaymentParams } from '../pay/payment-params';
import { toRefund, toTransaction } from '../pay/wechat-pay-resources';
import { WechatSimulator } from './wechat-simulator';

/**
 * `WECHAT_MODE=dev`: WeChat is the in-process simulator. Notifications still go through the same verifier
 * as live (signature, serial, timestamp window, AES-GCM), against the simulator's platform key.
 */
export class DevWechatGateway implements WechatGateway {
  constructor(
    private readonly simulator: WechatSimulator,
    private readonly notifyUrl: () => string,
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const session = this.simulator.code2Session(code);
    return { openid: session.openid, sessionKey: session.session_key };
  }

  async createJsapiPayment(input: JsapiOrderInput) {
    const { prepay_id } = this.simulator.createPrepay({
      appid: this.simulator.appId,
      mchid: this.simulator.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: toWechatTime(input.expiresAt),
      notify_url: this.notifyUrl(),
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
    return { prepayId: prepay_id, params: signPaymentParams(this.simulator.appId, prepay_id, this.simulator.merchantPrivateKeyObject) };
  }

  async queryTransaction(outTradeNo: string): Promise<WechatTransaction | null> {
    const json = this.simulator.queryOrder(outTradeNo);
    return json ? toTransaction(json) : null;
  }

  async closeTransaction(outTradeNo: string): Promise<void> {
    this.simulator.closeOrder(outTradeNo);
  }

  async createRefund(input: RefundInput): Promise<WechatRefund> {
    return toRefund(this.simulator.createRefund({ out_trade_no: input.outTradeNo, out_refund_no: input.outRefundNo, amount: { refund: input.refundFen, total: input.totalFen } }));
  }

  async queryRefund(outRefundNo: string): Promise<WechatRefund | null> {
    const json = this.simulator.queryRefund(outRefundNo);
    return json ? toRefund(json) : null;
  }

  parseNotification(headers: NotifyHeaders, rawBody: string, now?: Date): WechatNotification {
    return parseWechatPayNotification(headers, rawBody, { publicKey: this.simulator.platformPublicKeyObject, publicKeyId: this.simulator.platformPublicKeyId, apiV3Key: this.simulator.apiV3Key }, now);
  }

  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    return this.simulator.sendSubscribeMessage(input);
  }

  identity() {
    return { appId: this.simulator.appId, mchId: this.simulator.mchId };
  }
}
