import type {
  JsapiOrderInput,
  NotifyHeaders,
  RefundInput,
  SubscribeMessageInput,
  SubscribeMessageResult,
  WechatGateway,
  WechatNotification,
  WechatRefund,
  WechatSession,
  WechatTransaction,
} from '../wechat-gateway';
import { WechatApiError } from '../wechat-api-error';
import { parseWechatPayNotification, WechatPayPlatform } from '../pay/notify-verifier';
import { randomNonce, toWechatTime } from '../pay/pay-crypto';
import { signPaymentParams } from '../pay/payment-params';
import { parseTradeBill, TradeBill } from '../pay/trade-bill';
import { toRefund, toTransaction } from '../pay/wechat-pay-resources';
import { SimulatedWechatError, WechatSimulator } from './wechat-simulator';
import { PAPAY_SIGN_MINIPROGRAM, PapayContractEvent, parsePapayNotification } from '../papay/papay-wire';
import { PapaySimulator, SIMULATED_PAPAY_PLAN_ID } from './papay-simulator';

export interface DevWechatGatewayOptions {
  now?: () => Date;
  nonce?: () => string;
  /** The simulator's 委托代扣 side (in the app: backed by the database). */
  papay?: PapaySimulator;
}

/**
 * `WECHAT_MODE=dev`: WeChat is the in-process simulator. Notifications still go through the same verifier
 * as live (signature, serial, timestamp window, AES-GCM), against the simulator's platform key, and the
 * payment parameters are signed by the same function with the simulator's merchant key.
 */
export class DevWechatGateway implements WechatGateway {
  private readonly platform: WechatPayPlatform;
  private readonly now: () => Date;
  private readonly nonce: () => string;
  private readonly papay: PapaySimulator;

  constructor(
    private readonly simulator: WechatSimulator,
    private readonly notifyUrl: () => string,
    options: DevWechatGatewayOptions = {},
  ) {
    this.platform = {
      publicKey: simulator.platformPublicKeyObject,
      publicKeyId: simulator.platformPublicKeyId,
      apiV3Key: simulator.apiV3Key,
    };
    this.now = options.now ?? (() => new Date());
    this.nonce = options.nonce ?? (() => randomNonce(32));
    this.papay = options.papay ?? new PapaySimulator(simulator);
  }

  async code2Session(code: string): Promise<WechatSession> {
    const session = await asWechatApi(async () => this.simulator.code2Session(code));
    return { openid: session.openid, sessionKey: session.session_key };
  }

  async createJsapiPayment(input: JsapiOrderInput) {
    const { prepay_id } = await asWechatApi(() =>
      this.simulator.createPrepay({
        appid: this.simulator.appId,
        mchid: this.simulator.mchId,
        description: input.description,
        out_trade_no: input.outTradeNo,
        time_expire: toWechatTime(input.expiresAt),
        notify_url: this.notifyUrl(),
        amount: { total: input.amountFen, currency: 'CNY' },
        payer: { openid: input.payerOpenid },
        attach: input.attach,
      }),
    );
    return {
      prepayId: prepay_id,
      params: await signPaymentParams(
        this.simulator.appId,
        prepay_id,
        this.simulator.merchantPrivateKeyObject,
        this.now(),
        this.nonce(),
      ),
    };
  }

  async queryTransaction(outTradeNo: string): Promise<WechatTransaction | null> {
    const json = await this.simulator.queryOrder(outTradeNo);
    return json ? toTransaction(json) : null;
  }

  async closeTransaction(outTradeNo: string): Promise<void> {
    await asWechatApi(() => this.simulator.closeOrder(outTradeNo));
  }

  async createRefund(input: RefundInput): Promise<WechatRefund> {
    const json = await asWechatApi(() =>
      this.simulator.createRefund(
        {
          out_trade_no: input.outTradeNo,
          out_refund_no: input.outRefundNo,
          amount: { refund: input.refundFen, total: input.totalFen },
        },
        this.now(),
      ),
    );
    return toRefund(json);
  }

  async queryRefund(outRefundNo: string): Promise<WechatRefund | null> {
    const json = await this.simulator.queryRefund(outRefundNo);
    return json ? toRefund(json) : null;
  }

  parseNotification(headers: NotifyHeaders, rawBody: string, now?: Date): WechatNotification {
    return parseWechatPayNotification(headers, rawBody, this.platform, now ?? this.now());
  }

  async sendSubscribeMessage(input: SubscribeMessageInput): Promise<SubscribeMessageResult> {
    return this.simulator.sendSubscribeMessage(input);
  }

  async downloadTradeBill(billDate: string): Promise<TradeBill> {
    return parseTradeBill(await this.simulator.tradeBillFile(billDate));
  }

  identity() {
    return { appId: this.simulator.appId, mchId: this.simulator.mchId };
  }

  // ---- 委托代扣 (papay) ----

  async papayPreSign(input: { outContractCode: string; openid: string; displayAccount: string }) {
    const { pre_entrustweb_id } = await asWechatApi(() =>
      this.papay.preSign({
        appid: this.simulator.appId,
        openid: input.openid,
        plan_id: SIMULATED_PAPAY_PLAN_ID,
        out_contract_code: input.outContractCode,
        contract_display_account: input.displayAccount,
        contract_notify_url: new URL('/api/auto-renew/wechat/notify', this.notifyUrl()).toString(),
      }),
    );
    return { ...PAPAY_SIGN_MINIPROGRAM, extraData: { pre_entrustweb_id } };
  }

  async papayNotify(input: { contractId: string; amountFen: number; durationDays: number }): Promise<void> {
    await asWechatApi(() =>
      this.papay.notify(
        input.contractId,
        {
          mchid: this.simulator.mchId,
          appid: this.simulator.appId,
          deduct_duration: { count: input.durationDays, unit: 'DAY' },
          estimated_amount: { amount: input.amountFen, currency: 'CNY' },
        },
        this.now(),
      ),
    );
  }

  async papayCharge(input: {
    contractId: string;
    outTradeNo: string;
    description: string;
    amountFen: number;
  }): Promise<void> {
    await asWechatApi(() =>
      this.papay.apply(
        {
          appid: this.simulator.appId,
          out_trade_no: input.outTradeNo,
          description: input.description,
          transaction_notify_url: this.notifyUrl(),
          contract_id: input.contractId,
          amount: { total: input.amountFen, currency: 'CNY' },
        },
        this.now(),
      ),
    );
  }

  async papayTerminate(contractId: string, _note: string): Promise<void> {
    await asWechatApi(() => this.papay.terminate(contractId, this.now()));
  }

  parsePapayNotification(headers: NotifyHeaders, rawBody: string, now?: Date): PapayContractEvent {
    return parsePapayNotification(headers, rawBody, this.platform, now ?? this.now());
  }
}

/** The simulator's errors reach callers as the same WechatApiError the live gateway throws. */
async function asWechatApi<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SimulatedWechatError) throw new WechatApiError(error.status, error.code, error.message);
    throw error;
  }
}
