import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WechatApiError } from '../wechat-api-error';
import { LiveMiniProgramGateway } from './live-mini-program.gateway';
import { StableAccessToken } from './stable-access-token';
import { FakeWechatServer, startFakeWechatServer } from '../../../test/support/fake-wechat-server';

describe('LiveMiniProgramGateway against a server speaking WeChat wire formats', () => {
  let fake: FakeWechatServer;
  let token: StableAccessToken;
  let gateway: LiveMiniProgramGateway;
  let seq = 0;
  const paidOrder = async (openid = 'o_ship_payer') => {
    const outTradeNo = `MCSHIP${Date.now()}${++seq}`;
    await fake.simulator.createPrepay({
      appid: fake.simulator.appId,
      mchid: fake.simulator.mchId,
      description: '年卡会员',
      out_trade_no: outTradeNo,
      notify_url: 'https://shop.example.com/notify',
      amount: { total: 100 },
      payer: { openid },
    });
    await fake.simulator.confirmPayment(outTradeNo);
    return outTradeNo;
  };
  const calls = (path: string) => fake.requests.filter((r) => r.path === path).length;

  beforeAll(async () => {
    fake = await startFakeWechatServer();
    token = new StableAccessToken(fake.liveConfig);
    gateway = new LiveMiniProgramGateway(fake.liveConfig, token);
  });
  afterAll(() => fake.close());

  it('uploads a membership payment as virtual delivery, naming the payment by mchid and out_trade_no', async () => {
    const outTradeNo = await paidOrder();
    const uploadTime = new Date('2026-12-06T05:29:35.120Z');
    expect(
      await gateway.uploadShippingInfo({
        outTradeNo,
        payerOpenid: 'o_ship_payer',
        logisticsType: 3,
        shippingList: [{ itemDesc: '年卡会员*1' }],
        uploadTime,
      }),
    ).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    const [upload] = await fake.miniProgram.listUploads();
    expect(upload).toMatchObject({
      outTradeNo,
      logisticsType: 3,
      shippingList: [{ expressCompany: '', trackingNo: '' }],
    });
    expect(upload.transactionId).toMatch(/^4200/);
  });

  it("sends WeChat's documented body: order_key, logistics_type, delivery_mode, shipping_list, upload_time in +08:00, payer", async () => {
    const bodies: unknown[] = [];
    const spy: typeof fetch = async (input, init) => {
      if (String(input).includes('upload_shipping_info')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const spying = new LiveMiniProgramGateway(fake.liveConfig, token, { fetch: spy });
    const outTradeNo = await paidOrder();
    await spying.uploadShippingInfo({
      outTradeNo,
      payerOpenid: 'o_ship_payer',
      logisticsType: 1,
      shippingList: [
        { expressCompany: 'SF', trackingNo: 'SF1234567890', itemDesc: '红茶*2', receiverContact: '138****8000' },
      ],
      uploadTime: new Date('2026-12-06T05:29:35.120Z'),
    });
    expect(bodies[0]).toEqual({
      order_key: { order_number_type: 1, mchid: fake.liveConfig.mchId, out_trade_no: outTradeNo },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [
        {
          tracking_no: 'SF1234567890',
          express_company: 'SF',
          item_desc: '红茶*2',
          contact: { receiver_contact: '138****8000' },
        },
      ],
      upload_time: '2026-12-06T13:29:35.120+08:00',
      payer: { openid: 'o_ship_payer' },
    });
  });

  it("returns WeChat's errcodes as results: an unknown payment (10060001), SF without a contact (10060020), a second modification (10060003)", async () => {
    const base = { payerOpenid: 'o_ship_payer', uploadTime: new Date() };
    expect(
      await gateway.uploadShippingInfo({
        ...base,
        outTradeNo: 'MC_NEVER_PAID',
        logisticsType: 3,
        shippingList: [{ itemDesc: '会员' }],
      }),
    ).toMatchObject({ errcode: 10060001 });
    const outTradeNo = await paidOrder();
    const parcel = (trackingNo: string) => ({
      ...base,
      outTradeNo,
      logisticsType: 1 as const,
      shippingList: [{ expressCompany: 'ZTO', trackingNo, itemDesc: '茶*1' }],
    });
    expect(
      await gateway.uploadShippingInfo({
        ...parcel('x'),
        shippingList: [{ expressCompany: 'SF', trackingNo: 'SF1', itemDesc: '茶*1' }],
      }),
    ).toMatchObject({ errcode: 10060020 });
    expect(await gateway.uploadShippingInfo(parcel('75300000001'))).toMatchObject({ errcode: 0 });
    expect(await gateway.uploadShippingInfo(parcel('75300000002'))).toMatchObject({ errcode: 0 });
    expect(await gateway.uploadShippingInfo(parcel('75300000003'))).toMatchObject({ errcode: 10060003 });
  });

  it('asks whether the account is under the shipping-information service', async () => {
    expect(await gateway.isTradeManaged()).toBe(true);
    fake.miniProgram.setTradeManaged(false);
    expect(await gateway.isTradeManaged()).toBe(false);
    fake.miniProgram.setTradeManaged(true);
  });

  it("exchanges a phone-number code for the customer's number, and turns 40029 into WechatApiError", async () => {
    expect(await gateway.getUserPhoneNumber('dev-phone:13800138000')).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    await expect(gateway.getUserPhoneNumber('used-code')).rejects.toMatchObject({
      constructor: WechatApiError,
      code: 40029,
    });
  });

  it('takes the access token from getStableAccessToken once, and asks again (normal mode) when WeChat calls it stale', async () => {
    const fresh = new LiveMiniProgramGateway(fake.liveConfig, new StableAccessToken(fake.liveConfig));
    const before = calls('/cgi-bin/stable_token');
    await fresh.isTradeManaged();
    await fresh.isTradeManaged();
    expect(calls('/cgi-bin/stable_token') - before).toBe(1);
    fake.simulator.rotateAccessToken();
    expect(await fresh.isTradeManaged()).toBe(true);
    expect(calls('/cgi-bin/stable_token') - before).toBe(2);
    expect(calls('/cgi-bin/token')).toBe(0);
  });

  it('asks for the stable token as WeChat documents it: POST JSON, client_credential, never force_refresh', async () => {
    const seen: Record<string, unknown>[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({ method: req.method, path: req.url, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: 'T1', expires_in: 7200 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await new StableAccessToken({ appId: 'wxA', secret: 'S', apiBase }).get()).toBe('T1');
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/cgi-bin/stable_token',
        body: { grant_type: 'client_credential', appid: 'wxA', secret: 'S', force_refresh: false },
      },
    ]);
    server.close();
  });

  it('two processes share one stable token: neither invalidates the other', async () => {
    const [a, b] = [new StableAccessToken(fake.liveConfig), new StableAccessToken(fake.liveConfig)];
    const tokenA = await a.get();
    expect(await b.get()).toBe(tokenA);
    expect(() => fake.simulator.checkAccessToken(tokenA)).not.toThrow();
  });
});
