import type { CarrierCode } from './carriers';

/**
 * WeChat's shipping-information service (小程序发货信息管理服务): a payment stays frozen until its shipping
 * information is uploaded (`upload_shipping_info`) and the customer confirms receipt.
 */
export type WechatShippingStatus = 'PENDING' | 'UPLOADED' | 'FAILED';

/** WeChat's `logistics_type`: 1 express delivery, 3 virtual goods (a membership fee). */
export type WechatLogisticsType = 1 | 3;

/** Our couriers by WeChat's delivery id (运力 id of `get_delivery_list`), as `express_company` wants it. */
export const WECHAT_DELIVERY_IDS: Record<CarrierCode, string> = {
  SF: 'SF',
  ZTO: 'ZTO',
  YTO: 'YTO',
  STO: 'STO',
  YD: 'YD',
  JD: 'JD',
  EMS: 'EMS',
  JT: 'JTSD',
  DBL: 'DBL',
};

/** Couriers that refuse a shipment without the receiver's (masked) phone: WeChat then wants `contact`. */
export const CARRIERS_NEEDING_CONTACT: readonly CarrierCode[] = ['SF'];

/** `138****8000`: WeChat wants the contact masked, the last four digits visible. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return digits.replace(/.(?=.{4})/g, '*');
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** What WeChat's errcodes of `upload_shipping_info` mean, for staff (Chinese). */
export const WECHAT_SHIPPING_ERRCODES: Record<number, string> = {
  [-1]: '微信系统繁忙，稍后自动重试',
  40001: '接口凭证失效，已自动刷新后重试',
  47001: '上传的数据格式有误',
  10060001: '微信尚未查到这笔支付（支付后需入库，稍后自动重试）',
  10060002: '这笔支付已完成发货，无需再上传',
  10060003: '这笔支付已用过唯一一次修改发货信息的机会',
  10060004: '这笔支付处于不可发货的状态（可能已退款）',
  10060005: '物流类型有误',
  10060006: '非快递发货不允许分拆发货',
  10060007: '分拆发货须说明是否已全部发货',
  10060008: '商品描述不能为空',
  10060009: '商品描述过长',
  10060012: '微信系统错误，稍后自动重试',
  10060014: '请求参数有误',
  10060019: '微信系统错误，稍后自动重试',
  10060020: '该快递公司要求填写收件人联系方式',
  10060023: '发货信息与上次相同，未更新',
  10060024: '物流信息列表过长',
  10060025: '物流公司编码过长或不被微信识别',
  10060026: '快递单号过长',
};

export function explainWechatShippingError(errcode: number | null | undefined): string | null {
  if (errcode === null || errcode === undefined) return null;
  return WECHAT_SHIPPING_ERRCODES[errcode] ?? `微信返回错误码 ${errcode}`;
}

/** The shipping-information upload of one order, as staff see it in the order view. */
export interface WechatShippingView {
  orderId: number;
  status: WechatShippingStatus;
  logisticsType: WechatLogisticsType;
  expressCompany?: string | null;
  trackingNo?: string | null;
  attempts: number;
  errcode?: number | null;
  errmsg?: string | null;
  /** `errcode` explained in Chinese. */
  explanation?: string | null;
  /** The one change WeChat allows after the first upload has been used. */
  modificationUsed: boolean;
  uploadedAt?: string | null;
  nextAttemptAt?: string | null;
}

/** `GET /api/dev/wechat/shipping-uploads`: what the dev simulator received, newest first. */
export interface SimulatedShippingUpload {
  outTradeNo: string;
  transactionId: string | null;
  logisticsType: WechatLogisticsType;
  shippingList: { expressCompany: string; trackingNo: string }[];
  uploadedAt: string;
}

/** `GET /api/orders/:id/receipt`: the `extraData` of `wx.openBusinessView({ businessType: 'weappOrderConfirm' })`. */
export interface WechatReceiptParams {
  merchantId: string;
  merchantTradeNo: string;
}

/** Staff-edited texts the storefront shows: the member agreement (《会员服务协议》), the user agreement and the privacy guide. */
export type LegalDocumentKind = 'MEMBER_AGREEMENT' | 'USER_AGREEMENT' | 'PRIVACY_GUIDE';
export const LEGAL_DOCUMENT_KINDS: readonly LegalDocumentKind[] = [
  'MEMBER_AGREEMENT',
  'USER_AGREEMENT',
  'PRIVACY_GUIDE',
];

/** `GET /api/membership-agreement`, and each version staff saved. */
export interface LegalDocumentView {
  kind?: LegalDocumentKind;
  version: number;
  title: string;
  content: string;
  createdBy?: string;
  createdAt?: string;
}

/** `POST /api/me/phone`: the code of WeChat's phone-number button (手机号快速验证). */
export interface PhoneNumberView {
  phone: string;
}
