import { createDecipheriv, generateKeyPairSync } from 'node:crypto';
import {
  buildAuthorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  randomNonce,
  requestPaymentSigningMessage,
  requestSigningMessage,
  rsaSign,
  rsaVerify,
  toWechatTime,
  wechatSigningMessage,
} from './pay-crypto';
import { signPaymentParams } from './payment-params';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = '0123456789abcdef0123456789abcdef';

/**
 * Known answers computed outside Node: the RSA signatures with `openssl dgst -sha256 -sign`, the AES-GCM
 * ciphertext with Python's `cryptography` AESGCM. The key is a throwaway made for this spec.
 */
const KNOWN_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCqHlynne3R9fzH
MYtdxyf+IxBasiRQg9bxy1jqu04xhXmoq+vDmRxKkiFK5k7rhiR1p011El6hR5sW
0K/eFErFVhSJ8I4v8WEdTRoKp0DG+DPdhseApregbPtiWhT/z55R4Io0jHmCdIP1
5+EeOVhXiLMfI9TYnc6c6RFz8qWadWkebdaBpawTnNwioj7iukytweL9MOmSQ+eV
SbHTsxVQVGQzlrpwTDFV1WCOWN1xkqjsuAX3937iiq82Ys5FHxZRyoTT07KtJbIt
I2IHn7coI5uaw/HA/n6to+s5T55XKnH8MVtYmGjjcP6VsFQrZyc2JIZpsgy4atfL
tNGDQxMtAgMBAAECggEATloSka7W8Jur03C5wDTwcgfjSep/eEfosU/XgbFIJ93S
dUHNojZ8Rco9JDqkAa00UK4AKloOFJke0KjIP3A4KeBmMEwHqQQzFuRCiMKUvq9l
b/PaIiJnM6/OLnPP9SxCPnK9JMvIUTHp71HfqOR/kD1pRn/h0e0I0tMz0yPgax1E
wyDItE/T+uUx9Vwgpa1AK+XF2teHss5JeqrqxaR4jF/NEmwIEZWq72s+2m+mcYvY
k1R/rYJi8arpnCEX3rWXMm8kGCMQ8xCMNCxqv31pbFpB48rLyh7wu2Ue6roEf5Xa
rvGHifsPlcD+0YxGBMMsKXs58jiaozx589/DzYtzPwKBgQDhT3D5/4oe3bhT6/RY
gi3DkwBcxFWPEMisHZEO/UTfwnMW6HqI0tGZsqedP5gS1WZWGvpZlyeVk73LFmQx
ImKkwEfP7DAO8uwx3dKkWIWDFuOaCSZxZBy7Z79QG3/wXdgywGkBImq6SO7i3L4L
wWgLwxTYZX9QbVJDiDdJkh/iWwKBgQDBSmNwNy4vvv908aM3wol9+u5KQDCWyGsE
oyMie6eJPCtjwhVKS1y1cITorsBge8OdKNeJYFUZoPvxO3agbZUyojYc6U8Df/9E
ZrOCVnfvDt2DH2BhkpdZp3QEBGO1RWYOhyG+fjILiIkzwfpj6w6h9aasyX226//4
LFJ6pSPHFwKBgQCnEZUgi5ALmzUXZZtmFgGBR/u4zgzzbOqgVbw+dSchFLrqfbB+
zHSHl6YaQBGvxXWA27hPvnmnvEm70fqxRGII8FtPnj90lkT2JRoQq2M09UAH9EkB
Q87aV+/QotOXlL6/w1UZdj/VqkcZCb4SUXOpZRqL65cgODALy3HTp/rkiQKBgGFe
jdUblwKqXpmUmDogn45898kjqNZsQ6zkWXCnhfAWBW2NeZgheqRT+EAWuAZikln7
Fwi3JGdytzgAUnPigAQvvr61sP38XqUgb1E7KdOdU20YQz8jz2Z0encDlw7b1NuA
qzkA7UjuEN+n2fC3mnlv+/SS0+dv31QvT6VEx08lAoGAIphiWLT7V60pMK2FHYM4
wH0UD9amMP1ykQOZDvqva1uZNWcSAWYqwWvVmDzgPWfTdQEB9c5b7UQnTMudx1du
IcbyqbLnA59c+M2fYkYU1nJiyVRdja2xeM8v+0VCZbSa4YivLyh9TyjKz4PZUUJn
lmY6VGwpMoofu3jCRY+f5Fg=
-----END PRIVATE KEY-----`;
const KNOWN_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqh5cp53t0fX8xzGLXccn
/iMQWrIkUIPW8ctY6rtOMYV5qKvrw5kcSpIhSuZO64YkdadNdRJeoUebFtCv3hRK
xVYUifCOL/FhHU0aCqdAxvgz3YbHgKa3oGz7YloU/8+eUeCKNIx5gnSD9efhHjlY
V4izHyPU2J3OnOkRc/KlmnVpHm3WgaWsE5zcIqI+4rpMrcHi/TDpkkPnlUmx07MV
UFRkM5a6cEwxVdVgjljdcZKo7LgF9/d+4oqvNmLORR8WUcqE09OyrSWyLSNiB5+3
KCObmsPxwP5+raPrOU+eVypx/DFbWJho43D+lbBUK2cnNiSGabIMuGrXy7TRg0MT
LQIDAQAB
-----END PUBLIC KEY-----`;
const KNOWN_PAY_SIGN =
  'iCkBnphu45ibzX1L1a2TlXHXWvROJBG3OweH8sFVAWB9GLdrXjBbrMP/Z7jkBmaZLLT9fF/8PVsEvuBHwwNluOWnNr3BpLkENGfrXG98QlH4koRG2CuriKnPiGRmIl0+Dpt0wfb8kMT+FOV1s+wFf3coQD+SvYRFK5g/Bwsx468H35kowaVH8oizCZ5jrHW1cviaqZ+5WD+RnswPlk4g6U9SXdckLKV4sKQnO8OyB8b0C/FIBDXv36u/WPpYbK/DdxTlpYFyraN3wOh/qRzvYxj87+dG0haN7vw++3dB50AlLUnBXrBv76A2jXwbJMQ7SiaK/qXlvycGBJugVpbB2w==';
const KNOWN_REQUEST_SIGNATURE =
  'g5J1qyimw8wKIu3soRDneTWXt4+ioIimpjKsWZe42j3XrAan2ecwnmeTuiPNut+Qc+E4M2w84bBPjK5VyP4bl0xE2bbBZYgKR96su8OHs9P/riisEnMNCocTgHIGo82kVfsYnKk9hMqal6bsp3FCHZJGMC9WLz/epGTNuqjpLl3lMaumdtPKPYQwBlKMCfnIKxFJsVTpSDyM3LRiIOD+tEr5wQMoVTnOQZAsgUV2G0SZQWHVAD9VaWxPslNcCDWbh7FczcMW7lxy5Oe1Kjvpl+/wS9Nzw0ZeBIrJA+Da/Nv/lD67asGLeeSdRpLb7BFyxI250s01SVvKzBPadqV4aQ==';
const KNOWN_AEAD = {
  apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
  nonce: 'fdasflkja484',
  associatedData: 'transaction',
  plaintext: '{"out_trade_no":"MC20261123000001","trade_state":"SUCCESS","amount":{"total":100000}}',
  ciphertext:
    'Y/YGa1XtnEuRyXDsA8ijFuF+lAwkso/k2O3cWrBDX6B3M1tQXnIHowH7PuskW+YAyRDrgGpnETh2bzRyR/K74jaH5e+pfnXceEldyGh5L43rytGpQBQpwtZghPhndlBZ9rBvVY4=',
};

describe('WeChat Pay v3 crypto', () => {
  it('signs the request message exactly as documented: METHOD, path with query, timestamp, nonce, body, each line-terminated', () => {
    const message = requestSigningMessage({
      method: 'post',
      urlPath: '/v3/pay/transactions/jsapi',
      body: '{"a":1}',
      timestamp: '1554208460',
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    expect(message).toBe('POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":1}\n');
  });

  it('produces the same Authorization signature as openssl for the documented GET /v3/certificates example', () => {
    const request = {
      method: 'GET',
      urlPath: '/v3/certificates',
      body: '',
      timestamp: '1554208460',
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    };
    const header = buildAuthorization(request, {
      mchId: '1900009191',
      serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',
      privateKey: KNOWN_PRIVATE_KEY,
    });
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="${KNOWN_REQUEST_SIGNATURE}",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"`,
    );
  });

  it('builds an Authorization header that parses back and whose signature verifies with the merchant public key', () => {
    const request = { method: 'GET', urlPath: '/v3/x?mchid=1', body: '', timestamp: '1700000000', nonce: 'abc' };
    const header = buildAuthorization(request, { mchId: '1900000109', serialNo: 'SERIAL', privateKey });
    const parsed = parseAuthorization(header)!;
    expect(parsed).toMatchObject({
      mchid: '1900000109',
      nonce_str: 'abc',
      timestamp: '1700000000',
      serial_no: 'SERIAL',
    });
    expect(rsaVerify(requestSigningMessage(request), parsed.signature, publicKey)).toBe(true);
  });

  it('refuses Authorization headers of another scheme or with fields missing', () => {
    expect(parseAuthorization(undefined)).toBeUndefined();
    expect(parseAuthorization('Bearer abc')).toBeUndefined();
    expect(
      parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n",timestamp="1",serial_no="s"'),
    ).toBeUndefined();
  });

  it('rejects a signature over a different message, not in base64, or checked with another key', () => {
    expect(rsaVerify('other', rsaSign('message', privateKey), publicKey)).toBe(false);
    expect(rsaVerify('message', 'not base64 at all', publicKey)).toBe(false);
    expect(rsaVerify('message', rsaSign('message', privateKey), KNOWN_PUBLIC_KEY)).toBe(false);
  });

  it('signs what WeChat signs in answers and notifications: timestamp, nonce, body, each line-terminated', () => {
    expect(wechatSigningMessage('1700000000', 'n0nce', '{"a":1}')).toBe('1700000000\nn0nce\n{"a":1}\n');
  });

  it("paySign covers appId, timeStamp, nonceStr and package and matches openssl for WeChat's documented example", async () => {
    const params = {
      appId: 'wxd678efh567hg6787',
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
    };
    expect(requestPaymentSigningMessage(params)).toBe(
      'wxd678efh567hg6787\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n',
    );
    const signed = await signPaymentParams(
      params.appId,
      'wx201410272009395522657a690389285100',
      KNOWN_PRIVATE_KEY,
      new Date(1414561699_000),
      params.nonceStr,
    );
    expect(signed).toEqual({ ...params, signType: 'RSA', paySign: KNOWN_PAY_SIGN });
    expect(rsaVerify(requestPaymentSigningMessage(signed), signed.paySign, KNOWN_PUBLIC_KEY)).toBe(true);
  });

  it('decrypts an AEAD_AES_256_GCM resource produced by another implementation, and encrypts to the same bytes', () => {
    const { apiV3Key: key, nonce, associatedData, plaintext, ciphertext } = KNOWN_AEAD;
    expect(decryptResource({ ciphertext, associated_data: associatedData, nonce }, key)).toBe(plaintext);
    expect(encryptResource(plaintext, key, associatedData, 'transaction', nonce)).toEqual({
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext,
      associated_data: associatedData,
      nonce,
      original_type: 'transaction',
    });
  });

  it('lays the ciphertext out as encrypted bytes followed by the 16-byte tag', () => {
    const resource = encryptResource('hello', apiV3Key, 'refund', 'refund', 'abcdefghijkl');
    const data = Buffer.from(resource.ciphertext, 'base64');
    expect(data).toHaveLength(5 + 16);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key), Buffer.from('abcdefghijkl'));
    decipher.setAAD(Buffer.from('refund'));
    decipher.setAuthTag(data.subarray(5));
    expect(Buffer.concat([decipher.update(data.subarray(0, 5)), decipher.final()]).toString()).toBe('hello');
  });

  it('round-trips resources and rejects a flipped bit, other associated data or another key', () => {
    const resource = encryptResource('{"out_trade_no":"X"}', apiV3Key, 'transaction', 'transaction');
    expect(resource.nonce).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(decryptResource(resource, apiV3Key)).toBe('{"out_trade_no":"X"}');
    const tampered = Buffer.from(resource.ciphertext, 'base64');
    tampered[0] ^= 1;
    expect(() => decryptResource({ ...resource, ciphertext: tampered.toString('base64') }, apiV3Key)).toThrow();
    expect(() => decryptResource({ ...resource, associated_data: 'refund' }, apiV3Key)).toThrow();
    expect(() => decryptResource(resource, 'ffffffffffffffffffffffffffffffff')).toThrow();
    expect(() => decryptResource({ ...resource, ciphertext: 'c2hvcnQ=' }, apiV3Key)).toThrow();
  });

  it('makes nonces of the asked length from [A-Za-z0-9]', () => {
    expect(randomNonce()).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(randomNonce(12)).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(randomNonce()).not.toBe(randomNonce());
  });

  it('writes times in Beijing time as RFC 3339', () => {
    expect(toWechatTime(new Date('2026-11-23T08:00:00.000Z'))).toBe('2026-11-23T16:00:00+08:00');
    expect(toWechatTime(new Date('2026-12-31T20:30:05.999Z'))).toBe('2027-01-01T04:30:05+08:00');
  });
});
