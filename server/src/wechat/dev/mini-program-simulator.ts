import type { SimulatedShippingUpload } from '@member-commerce/shared';
import { MemoryShippingSimulatorStore, ShippingSimulatorStore } from './shipping-simulator-store';
import { SimulatedWechatError, WechatSimulator } from './wechat-simulator';

/** The JSON body of `upload_shipping_info`, as WeChat documents it. */
export interface UploadShippingInfoBody {
  order_key?: { order_number_type?: number; transaction_id?: string; mchid?: string; out_trade_no?: string };
  logistics_type?: number;
  delivery_mode?: number;
  shipping_list?: {
    tracking_no?: string;
    express_company?: string;
    item_desc?: string;
    contact?: { receiver_contact?: string; consignor_contact?: string };
  }[];
  upload_time?: string;
  payer?: { openid?: string };
}

const UPLOADS_LISTED = 500;
const result = (errcode: number, errmsg: string) => ({ errcode, errmsg });

/**
 * WeChat's shipping-information service and phone-number exchange, simulated with WeChat's own rules and
 * errcodes: the payment must exist and be paid (10060001 / 10060004), an express parcel needs a tracking number
 * and a courier, SF needs the receiver's contact (10060020), and a payment's shipping information may be
 * changed once (10060003). Uploads are kept in a store and listed for people and tests.
 */
export class MiniProgramSimulator {
  private tradeManaged = true;

  constructor(
    private readonly wechat: WechatSimulator,
    private readonly store: ShippingSimulatorStore = new MemoryShippingSimulatorStore(),
  ) {}

  isTradeManaged(appid: string): { errcode: number; errmsg: string; is_trade_managed: boolean } {
    if (appid !== this.wechat.appId) throw new SimulatedWechatError(400, 40013, 'invalid appid');
    return { errcode: 0, errmsg: 'ok', is_trade_managed: this.tradeManaged };
  }

  /** Tests: an account outside the shipping-information service. */
  setTradeManaged(managed: boolean): void {
    this.tradeManaged = managed;
  }

  async uploadShippingInfo(
    body: UploadShippingInfoBody,
    now: Date = new Date(),
  ): Promise<{ errcode: number; errmsg: string }> {
    const key = body.order_key;
    if (
      !key ||
      !body.upload_time ||
      !body.payer?.openid ||
      !Array.isArray(body.shipping_list) ||
      !body.shipping_list.length
    )
      return result(47001, 'data format error');
    if (![1, 2, 3, 4].includes(body.logistics_type ?? 0)) return result(10060005, 'logistics_type 有误');
    if (body.delivery_mode !== 1) return result(10060014, '参数错误: delivery_mode');
    if (key.order_number_type !== 1 || key.mchid !== this.wechat.mchId || !key.out_trade_no)
      return result(10060001, '支付单不存在');
    const payment = await this.wechat.queryOrder(key.out_trade_no);
    if (
      !payment ||
      payment.trade_state === 'NOTPAY' ||
      payment.trade_state === 'CLOSED' ||
      payment.trade_state === 'PAYERROR'
    )
      return result(10060001, '支付单不存在');
    if (payment.trade_state === 'REFUND') return result(10060004, '支付单处于不可发货的状态');
    if (payment.payer?.openid !== body.payer.openid) return result(10060014, '参数错误: payer 与支付者不一致');
    for (const item of body.shipping_list) {
      if (!item.item_desc) return result(10060008, '商品描述 item_desc 不能为空');
      if (item.item_desc.length > 120) return result(10060009, '商品描述 item_desc 过长');
      if (body.logistics_type === 1 && (!item.tracking_no || !item.express_company))
        return result(10060014, '参数错误: 快递发货须填写 tracking_no 与 express_company');
      if ((item.tracking_no?.length ?? 0) > 128) return result(10060026, '物流单号过长');
      if (item.express_company === 'SF' && !item.contact?.receiver_contact && !item.contact?.consignor_contact)
        return result(10060020, '顺丰须填写联系方式');
    }
    const previous = await this.store.uploadsOf(key.out_trade_no);
    const upload: SimulatedShippingUpload = {
      outTradeNo: key.out_trade_no,
      transactionId: payment.transaction_id ?? null,
      logisticsType: body.logistics_type as 1 | 3,
      shippingList: body.shipping_list.map((item) => ({
        expressCompany: item.express_company ?? '',
        trackingNo: item.tracking_no ?? '',
      })),
      uploadedAt: now.toISOString(),
    };
    if (previous.length >= 2) return result(10060003, '支付单已使用重新发货机会');
    const last = previous[previous.length - 1];
    if (
      last &&
      last.logisticsType === upload.logisticsType &&
      JSON.stringify(last.shippingList) === JSON.stringify(upload.shippingList)
    )
      return result(10060023, '发货信息未更新');
    await this.store.append(upload);
    return result(0, 'ok');
  }

  /** Newest first. */
  listUploads(): Promise<SimulatedShippingUpload[]> {
    return this.store.list(UPLOADS_LISTED);
  }

  /**
   * `getuserphonenumber`: the simulator's phone button gives `dev-phone:<11 digits>`; anything else is WeChat's
   * 40029 "invalid code".
   */
  getUserPhoneNumber(code: string, now: Date = new Date()) {
    const match = /^dev-phone:(1\d{10})$/.exec(code);
    if (!match) throw new SimulatedWechatError(400, 40029, 'invalid code');
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: match[1],
        purePhoneNumber: match[1],
        countryCode: '86',
        watermark: { timestamp: Math.floor(now.getTime() / 1000), appid: this.wechat.appId },
      },
    };
  }
}
