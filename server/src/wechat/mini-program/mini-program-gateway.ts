import { toWechatTime, type WechatLogisticsType } from '@member-commerce/shared';

/** One parcel (or, for virtual goods, the one entry) of an `upload_shipping_info` call. */
export interface ShippingListItem {
  /** Express only: the tracking number and WeChat's delivery id of the courier. */
  trackingNo?: string;
  expressCompany?: string;
  /** What is in it, ≤ 120 characters (WeChat shows it to the customer). */
  itemDesc: string;
  /** Masked receiver phone (`138****8000`), for couriers that need it. */
  receiverContact?: string;
}

export interface ShippingInfoInput {
  /** The payment is named by our mchid + out_trade_no (order_number_type 1). */
  outTradeNo: string;
  payerOpenid: string;
  logisticsType: WechatLogisticsType;
  shippingList: ShippingListItem[];
  uploadTime: Date;
}

/** WeChat's answer in its own terms: errcode 0 is success; others are results the caller records. */
export interface WechatResult {
  errcode: number;
  errmsg: string;
}

export interface WechatPhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

/**
 * The mini-program server APIs beyond login and pay: the shipping-information service (小程序发货信息管理服务)
 * and the phone-number exchange (手机号快速验证). `live` calls WeChat with a stable access token; `dev` asks
 * the simulator, which records every upload in the database.
 */
export interface WechatMiniProgramGateway {
  /** `is_trade_managed`: whether this account is under the shipping-information service. */
  isTradeManaged(): Promise<boolean>;
  /** `upload_shipping_info`; errcodes come back as results (they are recorded on the order's upload). */
  uploadShippingInfo(input: ShippingInfoInput): Promise<WechatResult>;
  /** `getuserphonenumber`: exchanges the code of `<button open-type="getPhoneNumber">`. Throws WechatApiError. */
  getUserPhoneNumber(code: string): Promise<WechatPhoneNumber>;
}

export const WECHAT_MINI_PROGRAM = Symbol('WECHAT_MINI_PROGRAM');

/** WeChat's RFC 3339 upload time in China time, with milliseconds: `2022-12-15T13:29:35.120+08:00`. */
export const toUploadTime = (at: Date): string => toWechatTime(at, { millis: true });
