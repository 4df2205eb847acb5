import { requestPaymentSigningMessage, rsaVerify } from '../pay/pay-crypto';
import { WechatNotifyRejectedError } from '../pay/notify-verifier';
import { WechatApiError } from '../wechat-api-error';
import { DevWechatGateway } from './dev-wechat.gateway';
import { WechatSimulator } from './wechat-simulator';

describe('DevWechatGateway on the in-process simulator', () => {
  const simulator = new WechatSimulator();
  const gateway = new DevWechatGateway(simulator, () => 'http://127.0.0.1:3000/api/payments/wechat/notify');
  const order = (outTradeNo: string, amountFen = 100000) => ({
    outTradeNo,
    description: '年卡会员',
    amountFen,
    payerOpenid: 'o_dev_x',
    expiresAt: new Date(Date.now() + 15 * 60_000),
  });

  it('maps the login code dev:<name> to the same openid every time, and other codes to errcode 40029', async () => {
    const alice = await gateway.code2Session('dev:alice');
    expect(alice.openid).toMatch(/^o_dev_[A-Za-z0-9_-]{22}$/);
    expect((await gateway.code2Session('dev:alice')).openid).toBe(alice.openid);
    expect((await gateway.code2Session('dev:bob')).openid).not.toBe(alice.openid);
    expect((await new DevWechatGateway(new WechatSimulator(), () => '').code2Session('dev:alice')).openid).toBe(
      alice.openid,
    );
    await expect(gateway.code2Session('0a1b2c')).rejects.toMatchObject({ constructor: WechatApiError, code: 40029 });
  });

  it('signs payment params with the simulator merchant key, as live does with the real one', async () => {
    const { prepayId, params } = await gateway.createJsapiPayment(order('MCDEV1'));
    expect(params).toMatchObject({ appId: 'wxd0000000000dev0', package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(rsaVerify(requestPaymentSigningMessage(params), params.paySign, simulator.merchantPublicKey)).toBe(true);
    expect(gateway.identity()).toEqual({ appId: 'wxd0000000000dev0', mchId: '1900000109' });
  });

  it('parses a simulator notification through the live verifier', async () => {
    await gateway.createJsapiPayment(order('MCDEV2', 4990));
    await simulator.confirmPayment('MCDEV2');
    const { headers, body } = await simulator.buildTransactionNotification('MCDEV2');
    expect(gateway.parseNotification(headers, body)).toMatchObject({
      kind: 'transaction',
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        outTradeNo: 'MCDEV2',
        tradeState: 'SUCCESS',
        appid: 'wxd0000000000dev0',
        mchid: '1900000109',
        amount: { totalFen: 4990 },
      },
    });
  });

  it('rejects tampered and stale simulator notifications just as live would', async () => {
    await gateway.createJsapiPayment(order('MCDEV3'));
    await simulator.confirmPayment('MCDEV3');
    const { headers, body } = await simulator.buildTransactionNotification('MCDEV3');
    expect(() => gateway.parseNotification(headers, body.replace('"id":"', '"id":"X'))).toThrow(
      WechatNotifyRejectedError,
    );
    const stale = await simulator.buildTransactionNotification('MCDEV3', { timestampOffsetSeconds: -600 });
    expect(() => gateway.parseNotification(stale.headers, stale.body)).toThrow(/STALE_TIMESTAMP/);
  });

  it('hands a forged amount through verification untouched, for the settlement to refuse', async () => {
    await gateway.createJsapiPayment(order('MCDEV4', 100000));
    await simulator.confirmPayment('MCDEV4');
    const { headers, body } = await simulator.buildTransactionNotification('MCDEV4', {
      amountFen: 1,
      appid: 'wx_other',
      mchid: '1',
    });
    expect(gateway.parseNotification(headers, body)).toMatchObject({
      transaction: { appid: 'wx_other', mchid: '1', amount: { totalFen: 1 } },
    });
  });

  it('queries, closes and refunds like WeChat Pay, with WeChat error codes as WechatApiError', async () => {
    await gateway.createJsapiPayment(order('MCDEV5'));
    expect(await gateway.queryTransaction('MCDEV5')).toMatchObject({ tradeState: 'NOTPAY' });
    await gateway.closeTransaction('MCDEV5');
    expect(await gateway.queryTransaction('MCDEV5')).toMatchObject({ tradeState: 'CLOSED' });
    expect(await gateway.queryTransaction('MCDEV_NONE')).toBeNull();

    await gateway.createJsapiPayment(order('MCDEV6'));
    await simulator.confirmPayment('MCDEV6');
    await expect(gateway.closeTransaction('MCDEV6')).rejects.toMatchObject({
      constructor: WechatApiError,
      code: 'ORDERPAID',
    });
    expect(
      await gateway.createRefund({ outTradeNo: 'MCDEV6', outRefundNo: 'RFDEV6', refundFen: 100000, totalFen: 100000 }),
    ).toMatchObject({
      status: 'PROCESSING',
    });
    await expect(
      gateway.createRefund({ outTradeNo: 'MCDEV6', outRefundNo: 'RFDEV6b', refundFen: 1, totalFen: 100000 }),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await simulator.completeRefund('RFDEV6');
    expect(await gateway.queryRefund('RFDEV6')).toMatchObject({ status: 'SUCCESS', refundFen: 100000 });
    const { headers, body } = await simulator.buildRefundNotification('RFDEV6');
    expect(gateway.parseNotification(headers, body)).toMatchObject({
      kind: 'refund',
      eventType: 'REFUND.SUCCESS',
      refund: { outRefundNo: 'RFDEV6', status: 'SUCCESS' },
    });
  });

  it('logs subscribe messages and answers 43101 for a user without consent', async () => {
    const data = { thing1: { value: '年卡会员' } };
    expect(await gateway.sendSubscribeMessage({ openid: 'o_yes', templateId: 'T', data })).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    await simulator.refuseMessagesFor('o_no');
    expect(await gateway.sendSubscribeMessage({ openid: 'o_no', templateId: 'T', data })).toMatchObject({
      errcode: 43101,
    });
    expect((await simulator.listMessages()).map((m) => [m.openid, m.errcode])).toEqual([
      ['o_no', 43101],
      ['o_yes', 0],
    ]);
  });
});
