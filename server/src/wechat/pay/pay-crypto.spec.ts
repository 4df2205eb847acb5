import { generateKeyPairSync } from 'node:crypto';
import {
  buildAuthorization, decryptResource, encryptResource, parseAuthorization, requestSigningMessage, rsaSign, rsaVerify, toWechatTime,
} from './pay-crypto';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = '0123456789abcdef0123456789abcdef';

describe('WeChat Pay v3 crypto', () => {
  it('signs the request message exactly as documented', () => {
    const message = requestSigningMessage({ method: 'post', urlPath: '/v3/pay/transactions/jsapi', body: '{"a":1}', timestamp: '1554208460', nonce: '593BEC0C930BF1AFEB40B4A08C8FB242' });
    expect(message).toBe('POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":1}\n');
  });

  it('builds an Authorization header whose signature verifies with the merchant public key', () => {
    const request = { method: 'GET', urlPath: '/v3/x?mchid=1', body: '', timestamp: '1700000000', nonce: 'abc' };
    const header = buildAuthorization(request, { mchId: '1900000109', serialNo: 'SERIAL', privateKey });
    const parsed = parseAuthorization(header)!;
    expect(parsed).toMatchObject({ mchid: '1900000109', nonce_str: 'abc', timestamp: '1700000000', serial_no: 'SERIAL' });
    expect(rsaVerify(requestSigningMessage(request), parsed.signature, publicKey)).toBe(true);
  });

  it('rejects a signature over a different message', () => {
    expect(rsaVerify('other', rsaSign('message', privateKey), publicKey)).toBe(false);
    expect(rsaVerify('message', 'not base64 at all', publicKey)).toBe(false);
  });

  it('round-trips AEAD_AES_256_GCM resources and rejects tampering', () => {
    const resource = encryptResource('{"out_trade_no":"X"}', apiV3Key, 'transaction', 'transaction');
    expect(resource.nonce).toHaveLength(12);
    expect(decryptResource(resource, apiV3Key)).toBe('{"out_trade_no":"X"}');
    const tampered = Buffer.from(resource.ciphertext, 'base64');
    tampered[0] ^= 1;
    expect(() => decryptResource({ ...resource, ciphertext: tampered.toString('base64') }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, associated_data: 'refund' }, apiV3Key)).toThrow();
    expect(() => decryptResource(resource, 'ffffffffffffffffffffffffffffffff')).toThrow();
  });

  it('writes times in Beijing time as RFC 3339', () => {
    expect(toWechatTime(new Date('2026-11-23T08:00:00.000Z'))).toBe('2026-11-23T16:00:00+08:00');
  });
});
