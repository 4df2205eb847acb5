import { createCipheriv, createDecipheriv, createVerify, KeyObject, randomBytes, sign } from 'node:crypto';

/** Key material as PEM text or a loaded key. */
export type Key = string | KeyObject;

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random [A-Za-z0-9] string, as WeChat uses for nonce_str and AEAD nonces. */
export function randomNonce(length = 32): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => NONCE_ALPHABET[byte % NONCE_ALPHABET.length]).join('');
}

/** SHA256-RSA2048 (PKCS#1 v1.5) signature, base64: the one signature WeChat Pay v3 uses everywhere. */
export function rsaSign(message: string, privateKey: Key): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

/**
 * The same signature computed on libuv's thread pool, for signatures on a request's path (the payment parameters,
 * a notification): a millisecond of RSA per signature does not hold every other request waiting on the event loop.
 */
export function rsaSignOffLoop(message: string, privateKey: Key): Promise<string> {
  return new Promise((resolve, reject) =>
    sign('sha256', Buffer.from(message, 'utf8'), privateKey, (error, signature) =>
      error ? reject(error) : resolve(signature.toString('base64')),
    ),
  );
}

export function rsaVerify(message: string, signature: string, publicKey: Key): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

export interface RequestToSign {
  method: string;
  /** Path with query string, e.g. `/v3/pay/transactions/out-trade-no/X?mchid=1900000109`. */
  urlPath: string;
  body: string;
  timestamp: string;
  nonce: string;
}

/** The string a merchant signs for an API v3 request. */
export function requestSigningMessage(request: RequestToSign): string {
  return `${request.method.toUpperCase()}\n${request.urlPath}\n${request.timestamp}\n${request.nonce}\n${request.body}\n`;
}

/** `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"` */
export function buildAuthorization(
  request: RequestToSign,
  merchant: { mchId: string; serialNo: string; privateKey: Key },
): string {
  const signature = rsaSign(requestSigningMessage(request), merchant.privateKey);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchId}",nonce_str="${request.nonce}",signature="${signature}",timestamp="${request.timestamp}",serial_no="${merchant.serialNo}"`;
}

export interface ParsedAuthorization {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = header?.match(/^WECHATPAY2-SHA256-RSA2048\s+(.+)$/);
  if (!match) return undefined;
  const fields = Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const required = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'];
  return required.every((key) => typeof fields[key] === 'string')
    ? (fields as unknown as ParsedAuthorization)
    : undefined;
}

/** What WeChat signs in responses and notifications: `timestamp\nnonce\nbody\n`. */
export function wechatSigningMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** The `paySign` of `wx.requestPayment`: RSA over `appId\ntimeStamp\nnonceStr\npackage\n`. */
export function requestPaymentSigningMessage(params: {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
}): string {
  return `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type: string;
}

/** AEAD_AES_256_GCM as WeChat uses it: base64(ciphertext ‖ 16-byte tag), 12-character nonce, APIv3 key. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  originalType: string,
  nonce = randomNonce(12),
): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    associated_data: associatedData,
    nonce,
    original_type: originalType,
  };
}

export function decryptResource(
  resource: { ciphertext: string; associated_data?: string; nonce: string },
  apiV3Key: string,
): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** WeChat's RFC 3339 time in China time (shared `toWechatTime`, the one home of "+08:00"). */
export { toWechatTime } from '@member-commerce/shared';
