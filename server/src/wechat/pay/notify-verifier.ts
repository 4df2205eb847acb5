import type { NotifyHeaders, WechatNotification } from '../wechat-gateway';
import { decryptResource, Key, rsaVerify, wechatSigningMessage } from './pay-crypto';
import { toRefund, toTransaction, WechatRefundJson, WechatTransactionJson } from './wechat-pay-resources';

export type NotifyRejection =
  | 'MISSING_HEADERS'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'BAD_SIGNATURE'
  | 'MALFORMED'
  | 'DECRYPT_FAILED';

/** A notification (or a signed response) that did not come from WeChat Pay as it claims. */
export class WechatNotifyRejectedError extends Error {
  constructor(
    readonly reason: NotifyRejection,
    message: string,
  ) {
    super(`${reason}: ${message}`);
  }
}

export interface WechatPayPlatform {
  /** WeChat Pay platform public key (or certificate key) that signs notifications and responses. */
  publicKey: Key;
  /** `PUB_KEY_ID_…` (or certificate serial) expected in `Wechatpay-Serial`. */
  publicKeyId: string;
  apiV3Key: string;
}

const MAX_SKEW_SECONDS = 300;

/**
 * Checks `Wechatpay-Serial`, the timestamp window (±5 min) and `Wechatpay-Signature` over
 * `timestamp\nnonce\nbody\n`. Used for notifications and for every API response.
 */
export function verifyWechatSignature(
  headers: NotifyHeaders,
  body: string,
  platform: WechatPayPlatform,
  now: Date = new Date(),
): void {
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  const serial = headers['wechatpay-serial'];
  if (!timestamp || !nonce || !signature || !serial)
    throw new WechatNotifyRejectedError('MISSING_HEADERS', 'Wechatpay-* headers missing');
  if (serial !== platform.publicKeyId)
    throw new WechatNotifyRejectedError('UNKNOWN_SERIAL', `serial ${serial} is not the configured platform key`);
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (!/^\d{1,12}$/.test(timestamp) || skew > MAX_SKEW_SECONDS)
    throw new WechatNotifyRejectedError('STALE_TIMESTAMP', `timestamp ${timestamp} is ${Math.round(skew)} s off`);
  if (!rsaVerify(wechatSigningMessage(timestamp, nonce, body), signature, platform.publicKey)) {
    throw new WechatNotifyRejectedError('BAD_SIGNATURE', 'Wechatpay-Signature does not verify');
  }
}

interface NotificationBody {
  id: string;
  event_type: string;
  resource_type?: string;
  resource: { algorithm: string; ciphertext: string; associated_data?: string; nonce: string; original_type?: string };
}

/** Verifies, then decrypts a WeChat Pay notification into a transaction or refund. Throws WechatNotifyRejectedError. */
export function parseWechatPayNotification(
  headers: NotifyHeaders,
  rawBody: string,
  platform: WechatPayPlatform,
  now: Date = new Date(),
): WechatNotification {
  verifyWechatSignature(headers, rawBody, platform, now);
  let body: NotificationBody;
  try {
    body = JSON.parse(rawBody) as NotificationBody;
  } catch {
    throw new WechatNotifyRejectedError('MALFORMED', 'body is not JSON');
  }
  if (
    typeof body?.id !== 'string' ||
    typeof body.event_type !== 'string' ||
    body.resource?.algorithm !== 'AEAD_AES_256_GCM'
  ) {
    throw new WechatNotifyRejectedError('MALFORMED', 'not a WeChat Pay notification');
  }
  let plaintext: string;
  try {
    plaintext = decryptResource(body.resource, platform.apiV3Key);
  } catch {
    throw new WechatNotifyRejectedError('DECRYPT_FAILED', 'resource does not decrypt with the APIv3 key');
  }
  let resource: unknown;
  try {
    resource = JSON.parse(plaintext);
  } catch {
    throw new WechatNotifyRejectedError('MALFORMED', 'decrypted resource is not JSON');
  }
  if (body.event_type.startsWith('REFUND.')) {
    const refund = resource as WechatRefundJson;
    if (typeof refund?.out_refund_no !== 'string' || typeof refund.amount?.refund !== 'number')
      throw new WechatNotifyRejectedError('MALFORMED', 'refund resource incomplete');
    return { kind: 'refund', id: body.id, eventType: body.event_type, refund: toRefund(refund) };
  }
  const transaction = resource as WechatTransactionJson;
  if (typeof transaction?.out_trade_no !== 'string' || typeof transaction.amount?.total !== 'number')
    throw new WechatNotifyRejectedError('MALFORMED', 'transaction resource incomplete');
  return { kind: 'transaction', id: body.id, eventType: body.event_type, transaction: toTransaction(transaction) };
}
