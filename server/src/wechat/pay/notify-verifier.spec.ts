import { WechatSimulator } from '../dev/wechat-simulator';
import { parseWechatPayNotification, WechatNotifyRejectedError } from './notify-verifier';
import { encryptResource } from './pay-crypto';

describe('WeChat Pay notification verifier', () => {
  const simulator = new WechatSimulator();
  const platform = {
    publicKey: simulator.platformPublicKey,
    publicKeyId: simulator.platformPublicKeyId,
    apiV3Key: simulator.apiV3Key,
  };
  beforeAll(async () => {
    await simulator.createPrepay({
      appid: simulator.appId,
      mchid: simulator.mchId,
      description: '年卡会员',
      out_trade_no: 'MC1',
      notify_url: 'http://x',
      amount: { total: 100000 },
      payer: { openid: 'o1' },
      attach: 'order:42',
    });
    await simulator.confirmPayment('MC1');
  });

  const rejection = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof WechatNotifyRejectedError ? error.reason : 'OTHER';
    }
    return 'ACCEPTED';
  };
  /** A body the platform key really signed, so only the later checks can refuse it. */
  const signed = (body: string) => ({ headers: simulator.signResponse(body), body });

  it('accepts a genuine notification and decrypts the transaction with WeChat field names mapped', async () => {
    const { headers, body } = await simulator.buildTransactionNotification('MC1');
    const notification = parseWechatPayNotification(headers, body, platform);
    expect(notification).toMatchObject({
      kind: 'transaction',
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        appid: simulator.appId,
        mchid: simulator.mchId,
        outTradeNo: 'MC1',
        tradeState: 'SUCCESS',
        payerOpenid: 'o1',
        amount: { totalFen: 100000, payerTotalFen: 100000, currency: 'CNY' },
      },
    });
    expect(notification.kind === 'transaction' && notification.transaction.transactionId).toMatch(/^4200\d+/);
    expect(notification.kind === 'transaction' && notification.transaction.raw).toMatchObject({
      attach: 'order:42',
      trade_type: 'JSAPI',
      bank_type: 'OTHERS',
    });
  });

  it('accepts a refund notification and maps refund_status', async () => {
    await simulator.createRefund({
      out_trade_no: 'MC1',
      out_refund_no: 'RF1',
      amount: { refund: 30000, total: 100000 },
    });
    await simulator.completeRefund('RF1');
    const { headers, body } = await simulator.buildRefundNotification('RF1');
    expect(parseWechatPayNotification(headers, body, platform)).toMatchObject({
      kind: 'refund',
      eventType: 'REFUND.SUCCESS',
      refund: { outRefundNo: 'RF1', outTradeNo: 'MC1', status: 'SUCCESS', refundFen: 30000, totalFen: 100000 },
    });
  });

  it('rejects a body changed after signing', async () => {
    const { headers, body } = await simulator.buildTransactionNotification('MC1');
    expect(
      rejection(() =>
        parseWechatPayNotification(headers, body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS '), platform),
      ),
    ).toBe('BAD_SIGNATURE');
  });

  it('rejects a signature that belongs to another notification', async () => {
    const first = await simulator.buildTransactionNotification('MC1');
    const second = await simulator.buildTransactionNotification('MC1');
    expect(
      rejection(() =>
        parseWechatPayNotification(
          { ...first.headers, 'wechatpay-signature': second.headers['wechatpay-signature'] },
          first.body,
          platform,
        ),
      ),
    ).toBe('BAD_SIGNATURE');
  });

  it('rejects timestamps ten minutes old or ahead', async () => {
    for (const offset of [-600, 600]) {
      const { headers, body } = await simulator.buildTransactionNotification('MC1', { timestampOffsetSeconds: offset });
      expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('STALE_TIMESTAMP');
    }
  });

  it('allows up to 300 seconds of skew either way, and no more', async () => {
    const { headers, body } = await simulator.buildTransactionNotification('MC1');
    const sent = Number(headers['wechatpay-timestamp']) * 1000;
    for (const skew of [-300_000, 300_000])
      expect(rejection(() => parseWechatPayNotification(headers, body, platform, new Date(sent + skew)))).toBe(
        'ACCEPTED',
      );
    for (const skew of [-301_000, 301_000])
      expect(rejection(() => parseWechatPayNotification(headers, body, platform, new Date(sent + skew)))).toBe(
        'STALE_TIMESTAMP',
      );
  });

  it('rejects a timestamp that is not a number', async () => {
    const { headers, body } = await simulator.buildTransactionNotification('MC1');
    expect(
      rejection(() => parseWechatPayNotification({ ...headers, 'wechatpay-timestamp': 'soon' }, body, platform)),
    ).toBe('STALE_TIMESTAMP');
  });

  it('rejects a serial that is not the configured platform key', async () => {
    const { headers, body } = await simulator.buildTransactionNotification('MC1');
    expect(
      rejection(() =>
        parseWechatPayNotification({ ...headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }, body, platform),
      ),
    ).toBe('UNKNOWN_SERIAL');
  });

  it('rejects a notification signed by another key under the right serial', async () => {
    const other = new WechatSimulator();
    await other.createPrepay({
      appid: other.appId,
      mchid: other.mchId,
      description: 'x',
      out_trade_no: 'MC1',
      notify_url: 'http://x',
      amount: { total: 1 },
      payer: { openid: 'o' },
    });
    await other.confirmPayment('MC1');
    const { headers, body } = await other.buildTransactionNotification('MC1');
    expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('BAD_SIGNATURE');
  });

  it('rejects missing headers', async () => {
    expect(rejection(() => parseWechatPayNotification({}, '{}', platform))).toBe('MISSING_HEADERS');
  });

  it('rejects a signed body that is not JSON or has no resource', async () => {
    for (const body of ['not json', '{"id":"x","event_type":"TRANSACTION.SUCCESS"}', 'null']) {
      const notification = signed(body);
      expect(rejection(() => parseWechatPayNotification(notification.headers, notification.body, platform))).toBe(
        'MALFORMED',
      );
    }
  });

  it('rejects a resource encrypted with another APIv3 key', async () => {
    const resource = encryptResource(
      '{"out_trade_no":"MC1","amount":{"total":1}}',
      'ffffffffffffffffffffffffffffffff',
      'transaction',
      'transaction',
    );
    const { headers, body } = signed(
      JSON.stringify({ id: 'n1', event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource }),
    );
    expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('DECRYPT_FAILED');
  });

  it('rejects a decrypted resource without out_trade_no or amount', async () => {
    const resource = encryptResource('{"trade_state":"SUCCESS"}', simulator.apiV3Key, 'transaction', 'transaction');
    const { headers, body } = signed(
      JSON.stringify({ id: 'n1', event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource }),
    );
    expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('MALFORMED');
  });
});
