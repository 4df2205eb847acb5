import type { WechatLiveConfig } from '../../config/app-config';
import { WechatApiError } from '../wechat-api-error';
import {
  ShippingInfoInput,
  toUploadTime,
  WechatMiniProgramGateway,
  WechatPhoneNumber,
  WechatResult,
} from '../mini-program/mini-program-gateway';
import { StableAccessToken } from './stable-access-token';
import { fetchWechatJson } from './wechat-json';

export interface LiveMiniProgramGatewayOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** `WECHAT_MODE=live`: WeChat's shipping-information and phone-number APIs, in their documented JSON. */
export class LiveMiniProgramGateway implements WechatMiniProgramGateway {
  private readonly http: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: Pick<WechatLiveConfig, 'appId' | 'mchId' | 'apiBase'>,
    private readonly accessToken: StableAccessToken,
    options: LiveMiniProgramGatewayOptions = {},
  ) {
    this.http = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 8_000;
  }

  async isTradeManaged(): Promise<boolean> {
    const json = await this.post<WechatResult & { is_trade_managed?: boolean }>('/wxa/sec/order/is_trade_managed', {
      appid: this.config.appId,
    });
    if (json.errcode) throw new WechatApiError(400, json.errcode, json.errmsg);
    return json.is_trade_managed === true;
  }

  async uploadShippingInfo(input: ShippingInfoInput): Promise<WechatResult> {
    const json = await this.post<Partial<WechatResult>>('/wxa/sec/order/upload_shipping_info', {
      order_key: { order_number_type: 1, mchid: this.config.mchId, out_trade_no: input.outTradeNo },
      logistics_type: input.logisticsType,
      delivery_mode: 1,
      shipping_list: input.shippingList.map((item) => ({
        ...(item.trackingNo ? { tracking_no: item.trackingNo } : {}),
        ...(item.expressCompany ? { express_company: item.expressCompany } : {}),
        item_desc: item.itemDesc,
        ...(item.receiverContact ? { contact: { receiver_contact: item.receiverContact } } : {}),
      })),
      upload_time: toUploadTime(input.uploadTime),
      payer: { openid: input.payerOpenid },
    });
    return { errcode: json.errcode ?? 0, errmsg: json.errmsg ?? '' };
  }

  async getUserPhoneNumber(code: string): Promise<WechatPhoneNumber> {
    const json = await this.post<
      WechatResult & { phone_info?: WechatPhoneNumber & { watermark?: { appid?: string } } }
    >('/wxa/business/getuserphonenumber', { code });
    if (json.errcode || !json.phone_info)
      throw new WechatApiError(400, json.errcode || -1, json.errmsg || 'no phone_info');
    if (json.phone_info.watermark?.appid && json.phone_info.watermark.appid !== this.config.appId)
      throw new WechatApiError(400, 'WATERMARK', 'phone number issued for another appid');
    const { phoneNumber, purePhoneNumber, countryCode } = json.phone_info;
    return { phoneNumber, purePhoneNumber, countryCode };
  }

  private post<T extends { errcode?: number }>(path: string, body: object): Promise<T> {
    return this.accessToken.call((token) =>
      fetchWechatJson<T>(
        this.http,
        `${this.config.apiBase}${path}?access_token=${encodeURIComponent(token)}`,
        this.timeoutMs,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      ),
    );
  }
}
