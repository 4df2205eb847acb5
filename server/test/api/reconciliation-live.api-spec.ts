import type { AdminTierView, CreateOrderResponse, ReconciliationStatement } from '@member-commerce/shared';
import { FakeWechatServer, startFakeWechatServer } from '../support/fake-wechat-server';
import { startTestApp, TestApp } from '../support/test-app';

/** WECHAT_MODE=live: the statement comes from the v3 bill API and its download_url, on the fake WeChat server. */
describe('finance: reconciliation in live mode against the fake WeChat server', () => {
  let t: TestApp;
  let fake: FakeWechatServer;
  let tier: AdminTierView;
  const day = '2033-04-01';
  const paidAt = new Date('2033-04-01T06:00:00Z'); // 14:00 in Shanghai
  let settled: string;
  let unnotified: string;

  const buy = async (name: string, notify: boolean) => {
    const order = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: tier.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await fake.simulator.confirmPayment(order.order.outTradeNo, paidAt);
    if (notify) {
      const notification = await fake.simulator.buildTransactionNotification(order.order.outTradeNo);
      await t.http
        .post('/api/payments/wechat/notify')
        .set(notification.headers)
        .set('content-type', 'application/json')
        .send(notification.body)
        .expect(204);
    }
    return order.order.outTradeNo;
  };

  beforeAll(async () => {
    fake = await startFakeWechatServer();
    t = await startTestApp({
      now: paidAt,
      configure: (config) => {
        config.wechat.mode = 'live';
        config.wechat.live = { ...fake.liveConfig, notifyUrl: 'http://127.0.0.1:9/notify' };
      },
    });
    const admin = await t.staff('admin');
    tier = (
      await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code: 'RECONLIVE', name: '对账直连卡', priceFen: 45_600, termDays: 30 })
        .expect(201)
    ).body;
    await t.http.patch(`/api/admin/tiers/${tier.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    settled = await buy('reconlive-amy', true);
    unnotified = await buy('reconlive-ben', false);
    t.clock.set(new Date('2033-04-02T04:00:00Z')); // the next day, after WeChat has produced the bill
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  afterEach(() => fake.setBillTampering(false));

  it('downloads the previous day’s bill and lists exactly the payment our books never settled', async () => {
    const result = (
      await t.http
        .get('/api/admin/finance/reconciliation')
        .query({ date: day })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as ReconciliationStatement;
    expect(result).toMatchObject({ date: day, totals: { wechatFen: 91_200, oursFen: 45_600 }, matched: 1 });
    expect(result.mismatches).toEqual([
      expect.objectContaining({ kind: 'STATUS', outTradeNo: unnotified, wechatFen: 45_600, oursStatus: 'PENDING' }),
    ]);
    expect(result.mismatches.some((mismatch) => mismatch.outTradeNo === settled)).toBe(false);
    expect(fake.requests.map((request) => request.path)).toEqual(
      expect.arrayContaining(['/v3/bill/tradebill', '/v3/billdownload/file']),
    );
  });

  it('a bill whose file does not match its SHA1 is not reconciled: 502 WECHAT_BILL_UNAVAILABLE', async () => {
    fake.setBillTampering(true);
    const res = await t.http
      .get('/api/admin/finance/reconciliation')
      .query({ date: day })
      .set(await t.staff('finance'))
      .expect(502);
    expect(res.body.code).toBe('WECHAT_BILL_UNAVAILABLE');
  });

  it('today has no bill yet in live mode', async () => {
    const res = await t.http
      .get('/api/admin/finance/reconciliation')
      .query({ date: '2033-04-02' })
      .set(await t.staff('finance'))
      .expect(400);
    expect(res.body.code).toBe('INVALID_DATE_RANGE');
  });
});
