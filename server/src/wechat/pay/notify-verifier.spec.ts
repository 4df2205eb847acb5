import { WechatSimulator } from '../dev/wechat-simulator';
import { parseWechatPayNotification, WechatNotifyRejectedError } from './notify-verifier';

describe('WeChat Pay notification verifier', () => {
  const simulator = new WechatSimulator();
  const platform = { publicKey: simulator.platformPublicKey, publicKeyId: simulator.platformPublicKeyId, apiV3Key: simulator.apiV3Key };
  simulator.createPrepay({
    appid: simulator.appId, mchid: simulator.mchId, description: '年卡会员', out_trade_no: 'MC1', notify_url: 'http://x', amount: { total: 100000 }, payer: { openid: 'o1' },
  });
  simulator.confirmPayment('MC1');

  const rejection = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof WechatNotifyRejectedError ? error.reason : 'OTHER';
    }
    return 'ACCEPTED';
  };

  it('accepts a genuine notification and decrypts the transaction', () => {
    const { headers, body } = simulator.buildTransactionNotification('MC1');
    const notification = parseWechatPayNotification(headers, body, platform);
    expect(notification).toMatchObject({ kind: 'transaction', eventType: 'TRANSACTION.SUCCESS', transaction: { outTradeNo: 'MC1', tradeState: 'SUCCESS', amount: { totalFen: 100000 } } });
  });

  it('rejects a body changed after signing', () => {
    const { headers, body } = simulator.buildTransactionNotification('MC1');
    expect(rejection(() => parseWechatPayNotification(headers, body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS '), platform))).toBe('BAD_SIGNATURE');
  });

  it('rejects timestamps more than five minutes off, in either direction', () => {
    for (const offset of [-600, 600]) {
      const { headers, body } = simulator.buildTransactionNotification('MC1', { timestampOffsetSeconds: offset });
      expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('STALE_TIMESTAMP');
    }
  });

  it('rejects a serial that is not the configured platform key', () => {
    const { headers, body } = simulator.buildTransactionNotification('MC1');
    expect(rejection(() => parseWechatPayNotification({ ...headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }, body, platform))).toBe('UNKNOWN_SERIAL');
  });

  it('rejects a notification signed by another key', () => {
    const other = new WechatSimulator();
    other.createPrepay({ appid: other.appId, mchid: other.mchId, description: 'x', out_trade_no: 'MC1', notify_url: 'http://x', amount: { total: 1 }, payer: { openid: 'o' } });
    other.confirmPayment('MC1');
    const { headers, body } = other.buildTransactionNotification('MC1');
    expect(rejection(() => parseWechatPayNotification(headers, body, platform))).toBe('BAD_SIGNATURE');
  });

  it('rejects missing headers', () => {
    expect(rejection(() => parseWechatPayNotification({}, '{}', platform))).toBe('MISSING_HEADERS');
  });
});
