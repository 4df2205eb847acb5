import { CARRIERS_NEEDING_CONTACT, CarrierCode, maskPhone, WECHAT_DELIVERY_IDS } from '@member-commerce/shared';
import type { ShippingListItem } from '../wechat/mini-program/mini-program-gateway';

/** Errcodes after which the same upload may succeed later: WeChat busy, the payment not yet on file, a stale token. */
const RETRYABLE_ERRCODES = new Set([-1, 40001, 42001, 45009, 10060001, 10060012, 10060019]);

/** WeChat already holds exactly this information: the upload is done. */
export const UNCHANGED_ERRCODE = 10060023;
/** The one modification of this payment has been used. */
export const MODIFICATION_USED_ERRCODE = 10060003;
/** After this many failed tries the job stops (a payment WeChat never finds); staff can still retry. */
export const MAX_AUTOMATIC_ATTEMPTS = 12;
/** A first upload and one modification. */
export const MAX_ACCEPTED_UPLOADS = 2;

export function isRetryable(errcode: number): boolean {
  return RETRYABLE_ERRCODES.has(errcode);
}

/** Wait before the next automatic attempt: 1, 2, 4 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), 360) * 60_000;
}

/** `商品名*2；商品名*1`, cut to WeChat's 120 characters. */
export function itemDescription(lines: { name: string; quantity: number }[], fallback: string): string {
  const text = lines.map((line) => `${line.name}*${line.quantity}`).join('；') || fallback;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** One parcel: WeChat's courier id, the tracking number, and the masked receiver phone where the courier needs it. */
export function expressParcel(
  carrier: CarrierCode,
  trackingNo: string,
  itemDesc: string,
  receiverPhone?: string | null,
): ShippingListItem {
  return {
    expressCompany: WECHAT_DELIVERY_IDS[carrier] ?? carrier,
    trackingNo,
    itemDesc,
    ...(CARRIERS_NEEDING_CONTACT.includes(carrier) && receiverPhone
      ? { receiverContact: maskPhone(receiverPhone) }
      : {}),
  };
}
