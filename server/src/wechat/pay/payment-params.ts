import type { WechatPaymentParams } from '@member-commerce/shared';
import { Key, randomNonce, requestPaymentSigningMessage, rsaSignOffLoop } from './pay-crypto';

/** Signs the `wx.requestPayment` parameters for a prepay id with the merchant key. */
export async function signPaymentParams(
  appId: string,
  prepayId: string,
  merchantPrivateKey: Key,
  now: Date = new Date(),
  nonce: string = randomNonce(32),
): Promise<WechatPaymentParams> {
  const unsigned = {
    appId,
    timeStamp: String(Math.floor(now.getTime() / 1000)),
    nonceStr: nonce,
    package: `prepay_id=${prepayId}`,
  };
  const paySign = await rsaSignOffLoop(requestPaymentSigningMessage(unsigned), merchantPrivateKey);
  return { ...unsigned, signType: 'RSA', paySign };
}
