import { decryptResource, rsaVerify, wechatSigningMessage } from '../pay/pay-crypto';
import { generateSimulatorKeys } from './simulator-keys';
import { MemorySimulatorStore } from './simulator-store';
import { WechatSimulator } from './wechat-simulator';

describe('WechatSimulator', () => {
  const simulator = new WechatSimulator();
  const prepay = (outTradeNo: string, total = 100000) =>
    simulator.createPrepay({
      appid: simulator.appId,
      mchid: simulator.mchId,
      description: '年卡会员',
      out_trade_no: outTradeNo,
      notify_url: 'http://x',
      amount: { total },
      payer: { openid: 'o_sim' },
      attach: 'a',
      time_expire: '2026-11-23T16:15:00+08:00',
    });

  it('has the fixed dev identity and fresh keys of its own', async () => {
    const other = new WechatSimulator();
    expect([simulator.appId, simulator.mchId, simulator.platformPublicKeyId]).toEqual([
      'wxd0000000000dev0',
      '1900000109',
      'PUB_KEY_ID_0114232134912410000000000000',
    ]);
    expect(simulator.apiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(other.apiV3Key).not.toBe(simulator.apiV3Key);
    expect(other.platformPublicKey).not.toBe(simulator.platformPublicKey);
    expect(simulator.merchantPublicKey).not.toBe(simulator.platformPublicKey);
  });

  it("builds the transaction notification in WeChat Pay's format, signed by the platform key", async () => {
    await prepay('MCSIM1');
    await simulator.confirmPayment('MCSIM1', new Date('2026-11-23T08:05:00Z'));
    const { headers, body } = await simulator.buildTransactionNotification('MCSIM1');
    expect(Object.keys(headers).sort()).toEqual([
      'wechatpay-nonce',
      'wechatpay-serial',
      'wechatpay-signature',
      'wechatpay-timestamp',
    ]);
    expect(headers['wechatpay-serial']).toBe(simulator.platformPublicKeyId);
    expect(
      rsaVerify(
        wechatSigningMessage(headers['wechatpay-timestamp'], headers['wechatpay-nonce'], body),
        headers['wechatpay-signature'],
        simulator.platformPublicKey,
      ),
    ).toBe(true);
    const json = JSON.parse(body);
    expect(Object.keys(json)).toEqual(['id', 'create_time', 'resource_type', 'event_type', 'summary', 'resource']);
    expect(json).toMatchObject({
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
    });
    expect(json.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(Object.keys(json.resource)).toEqual([
      'original_type',
      'algorithm',
      'ciphertext',
      'associated_data',
      'nonce',
    ]);
    expect(json.resource).toMatchObject({
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      associated_data: 'transaction',
    });
    expect(JSON.parse(decryptResource(json.resource, simulator.apiV3Key))).toEqual({
      appid: 'wxd0000000000dev0',
      mchid: '1900000109',
      out_trade_no: 'MCSIM1',
      transaction_id: expect.stringMatching(/^4200\d+/),
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: 'a',
      success_time: '2026-11-23T16:05:00+08:00',
      payer: { openid: 'o_sim' },
      amount: { total: 100000, payer_total: 100000, currency: 'CNY', payer_currency: 'CNY' },
    });
  });

  it("builds the refund notification with WeChat's refund resource fields", async () => {
    await prepay('MCSIM2');
    await simulator.confirmPayment('MCSIM2');
    await simulator.createRefund({
      out_trade_no: 'MCSIM2',
      out_refund_no: 'RFSIM2',
      amount: { refund: 2500, total: 100000 },
    });
    await simulator.completeRefund('RFSIM2');
    const json = JSON.parse((await simulator.buildRefundNotification('RFSIM2')).body);
    expect(json).toMatchObject({
      event_type: 'REFUND.SUCCESS',
      resource: { original_type: 'refund', associated_data: 'refund' },
    });
    expect(JSON.parse(decryptResource(json.resource, simulator.apiV3Key))).toMatchObject({
      mchid: '1900000109',
      out_trade_no: 'MCSIM2',
      out_refund_no: 'RFSIM2',
      refund_id: expect.any(String),
      refund_status: 'SUCCESS',
      success_time: expect.stringMatching(/\+08:00$/),
      amount: { total: 100000, refund: 2500, payer_total: 100000, payer_refund: 2500 },
    });
  });

  it('moves orders NOTPAY → SUCCESS → REFUND and refuses what WeChat refuses', async () => {
    await prepay('MCSIM3', 500);
    await expect(prepay('MCSIM3', 600)).rejects.toThrow(/different parameters/);
    await expect(simulator.buildTransactionNotification('MCSIM3')).rejects.toThrow(/not been paid/);
    await expect(
      simulator.createRefund({ out_trade_no: 'MCSIM3', out_refund_no: 'R3', amount: { refund: 1, total: 500 } }),
    ).rejects.toThrow(/not paid/);
    await simulator.confirmPayment('MCSIM3');
    await simulator.confirmPayment('MCSIM3');
    await expect(simulator.closeOrder('MCSIM3')).rejects.toThrow(/paid/);
    await expect(
      simulator.createRefund({ out_trade_no: 'MCSIM3', out_refund_no: 'R3', amount: { refund: 501, total: 500 } }),
    ).rejects.toThrow(/超过/);
    await simulator.createRefund({ out_trade_no: 'MCSIM3', out_refund_no: 'R3', amount: { refund: 500, total: 500 } });
    await simulator.completeRefund('R3');
    expect((await simulator.describe('MCSIM3')).state).toBe('REFUND');
    await prepay('MCSIM4');
    await simulator.closeOrder('MCSIM4');
    await expect(simulator.confirmPayment('MCSIM4')).rejects.toThrow(/closed/);
    await expect(simulator.describe('MCSIM_NONE')).rejects.toThrow(/no order/);
  });

  it('lets tests forge the amount, appid, mchid and timestamp of a still validly signed notification', async () => {
    await prepay('MCSIM5');
    await simulator.confirmPayment('MCSIM5');
    const { headers, body } = await simulator.buildTransactionNotification('MCSIM5', {
      amountFen: 1,
      appid: 'wxother',
      mchid: '2',
      timestampOffsetSeconds: -3600,
    });
    expect(Number(headers['wechatpay-timestamp'])).toBeLessThan(Date.now() / 1000 - 3500);
    expect(JSON.parse(decryptResource(JSON.parse(body).resource, simulator.apiV3Key))).toMatchObject({
      appid: 'wxother',
      mchid: '2',
      amount: { total: 1, payer_total: 1 },
    });
  });

  it("two simulators on the same keys and store (a restart, or a second process) settle each other's orders", async () => {
    const keys = generateSimulatorKeys();
    const store = new MemorySimulatorStore();
    const before = new WechatSimulator(keys, store);
    await before.createPrepay({
      appid: before.appId,
      mchid: before.mchId,
      description: 'x',
      out_trade_no: 'MCSIM6',
      notify_url: 'http://x',
      amount: { total: 100 },
      payer: { openid: 'o' },
    });
    const after = new WechatSimulator(keys, store);
    await after.confirmPayment('MCSIM6');
    const { headers, body } = await after.buildTransactionNotification('MCSIM6');
    expect(
      rsaVerify(
        wechatSigningMessage(headers['wechatpay-timestamp'], headers['wechatpay-nonce'], body),
        headers['wechatpay-signature'],
        before.platformPublicKey,
      ),
    ).toBe(true);
    expect(JSON.parse(decryptResource(JSON.parse(body).resource, before.apiV3Key))).toMatchObject({
      out_trade_no: 'MCSIM6',
      trade_state: 'SUCCESS',
    });
  });

  it('pays an order once however many times it is confirmed', async () => {
    await prepay('MCSIM7');
    await Promise.all(Array.from({ length: 5 }, () => simulator.confirmPayment('MCSIM7')));
    const first = (await simulator.queryOrder('MCSIM7'))!.transaction_id;
    await simulator.confirmPayment('MCSIM7');
    expect((await simulator.queryOrder('MCSIM7'))!.transaction_id).toBe(first);
  });
});
