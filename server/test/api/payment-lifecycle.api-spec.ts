import type {
  AddressView,
  AdminOrderView,
  CouponView,
  CreateOrderResponse,
  MyMembershipView,
  OrderView,
  TierView,
  WechatPaymentParams,
} from '@member-commerce/shared';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { WECHAT_GATEWAY, WechatGateway } from '../../src/wechat/wechat-gateway';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const DAY = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY;
/** Races need real concurrency to show: 20 trials each (MariaDB runs them on pooled connections). */
const TRIALS = 20;

/** Issue #16: paying again, late payments, reconciliation, and what concurrent settlements and refunds may do. */
describe('payment lifecycle', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let annual: TierView;
  let couponTier: number;
  let skuId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const admin = await t.staff('admin');
    await shopFixtures(t).tier('PL-ANNUAL');
    annual = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find(
      (tier) => tier.code === 'PL-ANNUAL',
    )!;
    const coupon = (
      await t.http
        .post('/api/admin/benefits')
        .set(admin)
        .send({
          type: 'COUPON',
          title: '满100减20',
          config: { amountFen: 2_000, thresholdFen: 10_000, validDays: 30, perMonth: true, quantity: 1 },
        })
        .expect(201)
    ).body.id;
    const tier = await t.http
      .post('/api/admin/tiers')
      .set(admin)
      .send({ code: 'PL-COUPON', name: '券卡', priceFen: 20_000, termMonths: 12, benefitIds: [coupon] })
      .expect(201);
    await t.http.patch(`/api/admin/tiers/${tier.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    couponTier = tier.body.id;
    const product = await t.http
      .post('/api/admin/products')
      .set(admin)
      .send({
        title: '支付测试茶',
        category: '测试',
        onSale: true,
        skus: [{ code: 'PL-TEA', name: '1 罐', listPriceFen: 15_000, stock: 10_000 }],
      })
      .expect(201);
    skuId = product.body.skus[0].id;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    return (
      (
        await t.http
          .post('/api/me/addresses')
          .set(auth)
          .send({
            name: '赵六',
            phone: '13600136000',
            province: '广东省',
            city: '深圳市',
            district: '南山区',
            detail: '科技园 1 号',
          })
          .expect(201)
      ).body as AddressView
    ).id;
  };
  const buyTier = async (name: string, tierId = annual.id) =>
    (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId })
        .expect(201)
    ).body as CreateOrderResponse;
  const buyProduct = async (name: string, couponId?: number) =>
    (
      await t.http
        .post('/api/orders')
        .set(await t.customer(name))
        .send({ items: [{ skuId, quantity: 1 }], addressId: await addressOf(name), couponId })
        .expect(201)
    ).body as CreateOrderResponse;
  const order = async (name: string, id: number) =>
    (
      await t.http
        .get(`/api/orders/${id}`)
        .set(await t.customer(name))
        .expect(200)
    ).body as OrderView;
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const coupons = async (name: string) =>
    (
      await t.http
        .get('/api/me/coupons')
        .set(await t.customer(name))
        .expect(200)
    ).body as CouponView[];

  it.each(['membership', 'product'] as const)(
    'paying again after a failed payment of a %s order works',
    async (kind) => {
      const name = `pl-pay-again-${kind}`;
      const bought = kind === 'membership' ? await buyTier(name) : await buyProduct(name);
      await t.http.post(`/api/dev/wechat/pay/${bought.order.outTradeNo}/fail`).expect(200);
      const again = await t.http.post(`/api/orders/${bought.order.id}/payment`).set(await t.customer(name));
      expect(again.status).toBe(200);
      expect(await pay.verifyPaySign(again.body as WechatPaymentParams)).toBe(true);
      // the pay sheet closed without paying: paying again still works
      await t.http
        .post(`/api/orders/${bought.order.id}/payment`)
        .set(await t.customer(name))
        .expect(200);
      expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
      expect((await order(name, bought.order.id)).status).toBe('PAID');
    },
  );

  it('a late payment of a closed order whose coupon was meanwhile spent on another order is flagged, not honoured at the discount', async () => {
    const name = 'pl-late-coupon';
    expect(await pay.confirm((await buyTier(name, couponTier)).order.outTradeNo)).toBe(204);
    const [coupon] = await coupons(name);
    const first = await buyProduct(name, coupon.id);
    expect(first.order.totalFen).toBeLessThan(15_000);
    await t.http
      .post(`/api/orders/${first.order.id}/cancel`)
      .set(await t.customer(name))
      .expect(200);
    const second = await buyProduct(name, coupon.id);
    expect(await pay.confirm(second.order.outTradeNo)).toBe(204);

    // WeChat took the first order's money anyway (the notification of a payment made before the close)
    await t.app.get(WechatSimulator)['store'].updateOrder(first.order.outTradeNo, ['CLOSED'], { state: 'NOTPAY' });
    expect(await pay.confirm(first.order.outTradeNo)).toBe(204);

    const staff = (
      await t.http
        .get(`/api/admin/orders/${first.order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
    expect(staff.status).toBe('CLOSED');
    expect(staff.payment).toMatchObject({ status: 'FLAGGED', flagReason: expect.stringMatching(/coupon|优惠券/) });
    expect((await coupons(name)).find((c) => c.id === coupon.id)).toMatchObject({
      status: 'USED',
      orderId: second.order.id,
    });
  });

  it('reconciliation does not close an order that WeChat answers was paid while it was closing it', async () => {
    const name = 'pl-reconcile-paid';
    const bought = await buyTier(name);
    await pay.confirmWithoutNotify(bought.order.outTradeNo);
    const gateway = t.app.get<WechatGateway>(WECHAT_GATEWAY);
    const query = jest.spyOn(gateway, 'queryTransaction');
    // the first query ran just before the customer paid
    query.mockImplementationOnce(async (outTradeNo) => ({
      ...(await gateway.queryTransaction.call(gateway, outTradeNo))!,
      tradeState: 'NOTPAY',
    }));
    t.clock.advance(20 * 60 * 1000);
    try {
      await pay.runReconciliation();
    } finally {
      query.mockRestore();
    }
    expect((await order(name, bought.order.id)).status).toBe('PAID');
    expect((await me(name)).status).toBe('ACTIVE');
  });

  it(`two membership orders of one customer settled at the same moment give two consecutive terms (${TRIALS} trials)`, async () => {
    const lost: number[] = [];
    // A real clock moves between two reads: each settlement reads it before it waits for the customer's lock.
    const base = t.clock.now().getTime();
    let ticks = 0;
    const moving = jest.spyOn(t.clock, 'now').mockImplementation(() => new Date(base + ++ticks));
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        const name = `pl-double-settle-${trial}`;
        const [a, b] = [await buyTier(name), await buyTier(name)];
        const statuses = await Promise.all([pay.confirm(a.order.outTradeNo), pay.confirm(b.order.outTradeNo)]);
        expect(statuses).toEqual([204, 204]);
        const view = await me(name);
        if (new Date(view.termEnd!).getTime() - base < 2 * YEAR_MS - 3 * DAY) lost.push(trial);
      }
    } finally {
      moving.mockRestore();
    }
    expect(lost).toEqual([]);
  });

  it(`two concurrent operator refunds of a flagged payment never move more than the operator limit (${TRIALS} trials)`, async () => {
    const limit = t.config.operatorRefundLimitFen;
    const over: { trial: number; refunded: number }[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const name = `pl-limit-race-${trial}`;
      const bought = await buyTier(name);
      const paidFen = limit + 131_170;
      expect(await pay.deliver(await pay.notification(bought.order.outTradeNo, { amountFen: paidFen }))).toBe(204);
      const half = Math.ceil(paidFen / 2);
      const operator = await t.staff('operator');
      const answers = await Promise.all(
        [1, 2].map(() =>
          t.http
            .post(`/api/admin/orders/${bought.order.id}/refunds`)
            .set(operator)
            .send({ amountFen: half, reason: '重复扣款退回' }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([201]));
      const staff = (
        await t.http
          .get(`/api/admin/orders/${bought.order.id}`)
          .set(await t.staff('admin'))
          .expect(200)
      ).body as AdminOrderView;
      const refunded = staff.refunds
        .filter((r) => r.status !== 'CLOSED' && r.status !== 'FAILED')
        .reduce((sum, r) => sum + r.amountFen, 0);
      if (refunded > limit) over.push({ trial, refunded });
    }
    expect(over).toEqual([]);
  });
});
