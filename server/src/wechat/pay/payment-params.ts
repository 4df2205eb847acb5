import type { WechatPaymentParams } from '@member-commerce/shared';
import { Key, randomNonce, requestPaymentSigningMessage, rsaSign } from './pay-crypto';

/** Signs the `wx.requestPayment` parameters for a prepay id with the merchant key. */
export function signPaymentParams(appId: string, prepayId: string, merchantPrivateKey: Key, now: Date = new Date()): WechatPaymentParams {
  const unsigned = { appId, timeStamp: String(Math.floor(now.getTime() / 1000)), nonceStr: randomNonce(32), package: `prepay_id=${prepayId}` };
  return { ...unsigned, signType: 'RSA', paySign: rsaSign(requestPaymentSigningMessage(unsigned), merchantPrivateKey) };
}
