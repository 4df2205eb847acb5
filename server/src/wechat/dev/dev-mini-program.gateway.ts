import { WechatApiError } from '../wechat-api-error';
import {
  ShippingInfoInput,
  toUploadTime,
  WechatMiniProgramGateway,
  WechatPhoneNumber,
  WechatResult,
} from '../mini-program/mini-program-gateway';
import { MiniProgramSimulator } from './mini-program-simulator';
import { SimulatedWechatError, WechatSimulator } from './wechat-simulator';

/** `WECHAT_MODE=dev`: the shipping-information and phone-number APIs answered by the simulator, in WeChat's JSON. */
export class DevMiniProgramGateway implements WechatMiniProgramGateway {
  constructor(
    private readonly wechat: WechatSimulator,
    private readonly simulator: MiniProgramSimulator,
  ) {}

  async isTradeManaged(): Promise<boolean> {
    return this.simulator.isTradeManaged(this.wechat.appId).is_trade_managed;
  }

  uploadShippingInfo(input: ShippingInfoInput): Promise<WechatResult> {
    return this.simulator.uploadShippingInfo({
      order_key: { order_number_type: 1, mchid: this.wechat.mchId, out_trade_no: input.outTradeNo },
      logistics_type: input.logisticsType,
      delivery_mode: 1,
      shipping_list: input.shippingList.map((item) => ({
        tracking_no: item.trackingNo,
        express_company: item.expressCompany,
        item_desc: item.itemDesc,
        ...(item.receiverContact ? { contact: { receiver_contact: item.receiverContact } } : {}),
      })),
      upload_time: toUploadTime(input.uploadTime),
      payer: { openid: input.payerOpenid },
    });
  }

  async getUserPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    try {
      const { phoneNumber, purePhoneNumber, countryCode } = this.simulator.getUserPhoneNumber(code).phone_info;
      return { phoneNumber, purePhoneNumber, countryCode };
    } catch (error) {
      if (error instanceof SimulatedWechatError) throw new WechatApiError(error.status, error.code, error.message);
      throw error;
    }
  }
}
