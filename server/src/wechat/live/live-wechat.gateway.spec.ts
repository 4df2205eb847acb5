import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { WechatNotifyRejectedError } from '../pay/notify-verifier';
import { requestPaymentSigningMessage, rsaVerify } from '../pay/pay-crypto';
import { WechatApiError } from '../wechat-api-error';
import { LiveWechatGateway } from './live-wechat.gateway';
import { FakeWechatServer, startFakeWechatServer } from '../../../test/support/fake-wechat-server';

describe('LiveWechatGateway against a server speaking WeChat wire formats', () => {
  let fake: FakeWechatServer;
  let gateway: LiveWechatGateway;
  const notifyUrl = 'https://shop.example.com/api/payments/wechat/notify';
  let seq = 0;
  const outTradeNo = () => `MCLIVE${Date.now()}${++seq}`;
  const order = (no: string, amountFen = 100000) => ({
    outTradeNo: no,
    description: '年卡会员',
    amountFen,
    payerOpenid: 'o_live_1',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    attach: 'order:7',
  });

  beforeAll(async () => {
    fake = await startFakeWechatServer();
    gateway = new LiveWechatGateway({ ...fake.liveConfig, notifyUrl });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.setResponseSigning('valid'));

  it('exchanges a login code for the openid and session key', async () => {
    const session = await gateway.code2Session('dev:alice');
    expect(session.openid).toMatch(/^o_dev_/);
    expect(session.sessionKey).toBeTruthy();
    expect(await gateway.code2Session('dev:alice')).toEqual(session);
  });

  it('turns a code2Session errcode into WechatApiError carrying the errcode', async () => {
    await expect(gateway.code2Session('expired-code')).rejects.toMatchObject({
      constructor: WechatApiError,
      code: 40029,
    });
  });

  it('creates a JSAPI prepay order whose wx.requestPayment params verify with the merchant public key', async () => {
    const no = outTradeNo();
    const { prepayId, params } = await gateway.createJsapiPayment(order(no));
    expect(params).toMatchObject({ appId: fake.liveConfig.appId, package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(rsaVerify(requestPaymentSigningMessage(params), params.paySign, fake.merchantPublicKey)).toBe(true);
    expect(await fake.simulator.describe(no)).toMatchObject({
      amountFen: 100000,
      description: '年卡会员',
      state: 'NOTPAY',
    });
    expect((await fake.simulator.describe(no)).expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });

  it('queries a transaction before and after payment, and answers null for an unknown one', async () => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no, 990));
    expect(await gateway.queryTransaction(no)).toMatchObject({
      outTradeNo: no,
      tradeState: 'NOTPAY',
      amount: { totalFen: 990 },
    });
    await fake.simulator.confirmPayment(no);
    const paid = await gateway.queryTransaction(no);
    expect(paid).toMatchObject({
      tradeState: 'SUCCESS',
      appid: fake.liveConfig.appId,
      mchid: fake.liveConfig.mchId,
      payerOpenid: 'o_live_1',
      amount: { totalFen: 990, payerTotalFen: 990 },
    });
    expect(paid?.transactionId).toBeTruthy();
    expect(paid?.raw).toMatchObject({ attach: 'order:7' });
    expect(await gateway.queryTransaction('MC_NEVER_CREATED')).toBeNull();
  });

  it('closes an unpaid transaction', async () => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no));
    await gateway.closeTransaction(no);
    expect(await gateway.queryTransaction(no)).toMatchObject({ tradeState: 'CLOSED' });
  });

  it("refuses to close a paid transaction with WeChat Pay's error code", async () => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no));
    await fake.simulator.confirmPayment(no);
    await expect(gateway.closeTransaction(no)).rejects.toMatchObject({
      constructor: WechatApiError,
      status: 400,
      code: 'ORDERPAID',
    });
  });

  it('creates a refund as PROCESSING and sees it SUCCESS on query once WeChat completes it', async () => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no));
    await fake.simulator.confirmPayment(no);
    const refund = await gateway.createRefund({
      outTradeNo: no,
      outRefundNo: `RF${no}`,
      refundFen: 40000,
      totalFen: 100000,
      reason: '会员退款',
    });
    expect(refund).toMatchObject({
      outRefundNo: `RF${no}`,
      outTradeNo: no,
      status: 'PROCESSING',
      refundFen: 40000,
      totalFen: 100000,
    });
    await fake.simulator.completeRefund(`RF${no}`);
    expect(await gateway.queryRefund(`RF${no}`)).toMatchObject({ status: 'SUCCESS', refundFen: 40000 });
    expect(await gateway.queryRefund('RF_UNKNOWN')).toBeNull();
  });

  it('parses the notification WeChat sends for a paid order with the configured platform key', async () => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no));
    await fake.simulator.confirmPayment(no);
    const { headers, body } = await fake.simulator.buildTransactionNotification(no);
    expect(gateway.parseNotification(headers, body)).toMatchObject({
      kind: 'transaction',
      transaction: { outTradeNo: no, tradeState: 'SUCCESS' },
    });
  });

  it('sends a subscribe message with one cached access token, and returns 43101 as a result', async () => {
    const tokenRequests = () => fake.requests.filter((r) => r.path === '/cgi-bin/stable_token').length;
    const before = tokenRequests();
    const data = { thing1: { value: '年卡会员' }, time2: { value: '2026-12-01' } };
    expect(
      await gateway.sendSubscribeMessage({
        openid: 'o_msg_ok',
        templateId: 'TPL_RENEW',
        page: 'pages/membership/index',
        data,
      }),
    ).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    await fake.simulator.refuseMessagesFor('o_msg_refused');
    expect(
      await gateway.sendSubscribeMessage({ openid: 'o_msg_refused', templateId: 'TPL_RENEW', data }),
    ).toMatchObject({ errcode: 43101 });
    expect(tokenRequests() - before).toBeLessThanOrEqual(1);
    expect((await fake.simulator.listMessages())[1]).toMatchObject({
      openid: 'o_msg_ok',
      templateId: 'TPL_RENEW',
      page: 'pages/membership/index',
      data,
      miniprogramState: 'formal',
      errcode: 0,
    });
  });

  it.each([
    ['40001 (another process took a new token)', () => fake.simulator.rotateAccessToken()],
    ['42001 (the token expired)', () => fake.simulator.expireAccessToken()],
  ])('a stale access token is refreshed once and the message still goes out: %s', async (_case, makeStale) => {
    const data = { thing1: { value: '年卡会员' } };
    await gateway.sendSubscribeMessage({ openid: 'o_msg_warm', templateId: 'TPL_RENEW', data });
    const tokenRequests = () => fake.requests.filter((r) => r.path === '/cgi-bin/stable_token').length;
    const sends = () => fake.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send').length;
    const [tokensBefore, sendsBefore] = [tokenRequests(), sends()];
    makeStale();
    expect(
      await gateway.sendSubscribeMessage({ openid: 'o_msg_after_refresh', templateId: 'TPL_RENEW', data }),
    ).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(tokenRequests() - tokensBefore).toBe(1);
    expect(sends() - sendsBefore).toBe(2);
    expect((await fake.simulator.listMessages())[0]).toMatchObject({ openid: 'o_msg_after_refresh', errcode: 0 });
  });

  it('signs every WeChat Pay request: a merchant key WeChat does not know gets 401 SIGN_ERROR', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const impostor = new LiveWechatGateway({ ...fake.liveConfig, notifyUrl, payPrivateKey: stranger });
    await expect(impostor.createJsapiPayment(order(outTradeNo()))).rejects.toMatchObject({
      constructor: WechatApiError,
      status: 401,
      code: 'SIGN_ERROR',
    });
  });

  it.each([
    ['forged', 'BAD_SIGNATURE'],
    ['unsigned', 'MISSING_HEADERS'],
    ['stale', 'STALE_TIMESTAMP'],
  ] as const)('rejects WeChat Pay answers that are %s', async (mode, reason) => {
    const no = outTradeNo();
    await gateway.createJsapiPayment(order(no));
    await fake.simulator.confirmPayment(no);
    fake.setResponseSigning(mode);
    const attempt = gateway.queryTransaction(no);
    await expect(attempt).rejects.toBeInstanceOf(WechatNotifyRejectedError);
    await expect(attempt).rejects.toMatchObject({ reason });
    await expect(gateway.createJsapiPayment(order(outTradeNo()))).rejects.toMatchObject({ reason });
  });

  it('uses the injected clock and nonce for request and payment signatures', async () => {
    const fixed = new Date(Date.now());
    const deterministic = new LiveWechatGateway(
      { ...fake.liveConfig, notifyUrl },
      { now: () => fixed, nonce: () => 'N0NCE' },
    );
    const { params } = await deterministic.createJsapiPayment(order(outTradeNo()));
    expect(params).toMatchObject({ timeStamp: String(Math.floor(fixed.getTime() / 1000)), nonceStr: 'N0NCE' });
    expect(
      rsaVerify(requestPaymentSigningMessage(params), params.paySign, createPublicKey(fake.merchantPublicKey)),
    ).toBe(true);
  });

  it('gives up after the timeout on a server that never answers', async () => {
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const slow = new LiveWechatGateway(
      { ...fake.liveConfig, notifyUrl, apiBase: `http://127.0.0.1:${port}` },
      { timeoutMs: 200 },
    );
    await expect(slow.code2Session('dev:alice')).rejects.toThrow(/timeout|aborted/i);
    silent.closeAllConnections();
    silent.close();
  });
});
