import type { AddressView, CheckoutQuote, CouponView, CreateOrderResponse, RefundQuote } from '@member-commerce/shared';
import { CouponIssuerJob } from '../../src/coupons/coupon-issuer.job';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

/** Benefits are promises (issue #12): COUPON issues coupons checkout applies; FREE_SHIPPING waives a real fee. */
describe('coupons and shipping', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  /** A tier of our own: ¥50 off from ¥300, every term month, plus free shipping. */
  let couponTier: number;
  /** A tier with neither. */
  let plainTier: number;
  let sku: { cheap: number; dear: number };

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const admin = await t.staff('admin');
    const benefit = async (body: Record<string, unknown>) =>
      (await t.http.post('/api/admin/benefits').set(admin).send(body).expect(201)).body.id as number;
    const coupon = await benefit({
      type: 'COUPON',
      title: '每月满300减50',
      config: { amountFen: 5_000, thresholdFen: 30_000, validDays: 30, perMonth: true, quantity: 1 },
    });
    const freeShipping = await benefit({ type: 'FREE_SHIPPING', title: '会员包邮' });
    const tier = async (code: string, benefitIds: number[]) => {
      const created = await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code, name: code, priceFen: 50_000, termMonths: 12, benefitIds })
        .expect(201);
      await t.http.patch(`/api/admin/tiers/${created.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
      return created.body.id as number;
    };
    couponTier = await tier('CS-COUPON', [coupon, freeShipping]);
    plainTier = await tier('CS-PLAIN', []);
    const product = await t.http
      .post('/api/admin/products')
      .set(admin)
      .send({
        title: '测试茶叶',
        category: '测试',
        onSale: true,
        skus: [
          { code: 'CS-CHEAP', name: '小罐', listPriceFen: 5_000, stock: 1000 },
          { code: 'CS-DEAR', name: '礼盒', listPriceFen: 40_000, stock: 1000 },
        ],
      })
      .expect(201);
    sku = { cheap: product.body.skus[0].id, dear: product.body.skus[1].id };
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const join = async (name: string, tierId: number) => {
    const bought = await t.http
      .post('/api/orders/membership')
      .set(await t.customer(name))
      .send({ tierId })
      .expect(201);
    expect(await pay.confirm((bought.body as CreateOrderResponse).order.outTradeNo)).toBe(204);
  };
  const coupons = async (name: string) =>
    (
      await t.http
        .get('/api/me/coupons')
        .set(await t.customer(name))
        .expect(200)
    ).body as CouponView[];
  const quote = async (name: string, items: { skuId: number; quantity: number }[], couponId?: number) =>
    (
      await t.http
        .post('/api/orders/quote')
        .set(await t.customer(name))
        .send({ items, couponId })
        .expect(200)
    ).body as CheckoutQuote;
  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    return (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '王五',
          phone: '13700137000',
          province: '北京市',
          city: '北京市',
          district: '朝阳区',
          detail: '建国路 1 号',
        })
        .expect(201)
    ).body.id as number;
  };
  const order = async (name: string, items: { skuId: number; quantity: number }[], couponId?: number) =>
    t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({ items, couponId, addressId: await addressOf(name) });

  it('joining a tier with the COUPON benefit issues its coupon at once', async () => {
    await join('cs-alice', couponTier);
    const mine = await coupons('cs-alice');
    expect(mine).toEqual([
      expect.objectContaining({ title: '每月满300减50', amountFen: 5_000, thresholdFen: 30_000, status: 'AVAILABLE' }),
    ]);
    await join('cs-bob', plainTier);
    expect(await coupons('cs-bob')).toEqual([]);
  });

  it('a monthly coupon is issued once per term month, however often the job runs', async () => {
    await join('cs-carol', couponTier);
    t.clock.advance(32 * DAY);
    const job = t.app.get(CouponIssuerJob);
    await Promise.all([job.run(), job.run()]);
    await job.run();
    const mine = await coupons('cs-carol');
    expect(mine.filter((coupon) => coupon.status === 'AVAILABLE')).toHaveLength(1);
    expect(mine.filter((coupon) => coupon.status === 'EXPIRED')).toHaveLength(1);
  });

  it('checkout applies a coupon once its threshold is reached, on member-priced goods, and refuses it below', async () => {
    await join('cs-dave', couponTier);
    const [coupon] = await coupons('cs-dave');
    const below = await quote('cs-dave', [{ skuId: sku.cheap, quantity: 1 }]);
    expect(below.coupons[0]).toMatchObject({ id: coupon.id, applicable: false });
    const refused = await order('cs-dave', [{ skuId: sku.cheap, quantity: 1 }], coupon.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COUPON_NOT_APPLICABLE');

    const priced = await quote('cs-dave', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    expect(priced).toMatchObject({ couponDiscountFen: 5_000, shippingFen: 0, freeShippingReason: 'MEMBER_BENEFIT' });
    expect(priced.totalFen).toBe(priced.goodsFen - 5_000);
    const created = await order('cs-dave', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    expect(created.status).toBe(201);
    expect(created.body.order).toMatchObject({ totalFen: priced.totalFen, couponDiscountFen: 5_000, shippingFen: 0 });
    expect((await coupons('cs-dave'))[0]).toMatchObject({ status: 'LOCKED', orderId: created.body.order.id });
    const again = await order('cs-dave', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    expect(again.status).toBe(409);
  });

  it('a coupon held by an unpaid order comes back when the order closes, and is spent when one is paid', async () => {
    await join('cs-erin', couponTier);
    const [coupon] = await coupons('cs-erin');
    const first = await order('cs-erin', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    await t.http
      .post(`/api/orders/${first.body.order.id}/cancel`)
      .set(await t.customer('cs-erin'))
      .expect(200);
    expect((await coupons('cs-erin'))[0]).toMatchObject({ status: 'AVAILABLE' });
    const second = await order('cs-erin', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    expect(await pay.confirm(second.body.order.outTradeNo)).toBe(204);
    expect((await coupons('cs-erin'))[0]).toMatchObject({ status: 'USED', orderId: second.body.order.id });
  });

  it('an expired coupon is refused', async () => {
    await join('cs-fay', couponTier);
    const [coupon] = await coupons('cs-fay');
    t.clock.advance(31 * DAY);
    const res = await order('cs-fay', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('COUPON_NOT_APPLICABLE');
  });

  it('coupons spent count as a benefit used in the membership refund rule', async () => {
    await join('cs-gina', couponTier);
    const [coupon] = await coupons('cs-gina');
    const paid = await order('cs-gina', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    await pay.confirm(paid.body.order.outTradeNo);
    const membershipOrder = (
      await t.http
        .get('/api/orders')
        .query({ status: 'PAID' })
        .set(await t.customer('cs-gina'))
        .expect(200)
    ).body.items.find((o: { kind: string }) => o.kind === 'MEMBERSHIP');
    const refund = (
      await t.http
        .get(`/api/admin/orders/${membershipOrder.id}/refund-quote`)
        .set(await t.staff('finance'))
        .expect(200)
    ).body as RefundQuote;
    expect(refund.couponValueUsedFen).toBe(5_000);
    expect(refund.refundableFen).toBe(50_000 - 5_000 - refund.memberSavingsUsedFen);
  });

  it('a non-member pays the flat shipping fee below the threshold and none from it', async () => {
    const below = await quote('cs-guest', [{ skuId: sku.cheap, quantity: 1 }]);
    expect(below).toMatchObject({ goodsFen: 5_000, shippingFen: 1_000, totalFen: 6_000 });
    const above = await quote('cs-guest', [{ skuId: sku.cheap, quantity: 2 }]);
    expect(above).toMatchObject({
      goodsFen: 10_000,
      shippingFen: 0,
      freeShippingReason: 'THRESHOLD',
      totalFen: 10_000,
    });
    const created = await order('cs-guest', [{ skuId: sku.cheap, quantity: 1 }]);
    expect(created.body.order).toMatchObject({ totalFen: 6_000, shippingFen: 1_000 });
  });

  it('members of a tier with FREE_SHIPPING ship free at any amount; others pay the fee', async () => {
    await join('cs-hank', plainTier);
    expect((await quote('cs-hank', [{ skuId: sku.cheap, quantity: 1 }])).shippingFen).toBe(1_000);
    await join('cs-ivy', couponTier);
    expect((await quote('cs-ivy', [{ skuId: sku.cheap, quantity: 1 }])).shippingFen).toBe(0);
  });

  it('staff set the shipping policy (audited); checkout uses it at once; support cannot change it', async () => {
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('support'))
      .send({ flatFeeFen: 0, freeAboveFen: null })
      .expect(403);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('operator'))
      .send({ flatFeeFen: 1_200, freeAboveFen: 20_000 })
      .expect(200);
    expect(await quote('cs-guest', [{ skuId: sku.cheap, quantity: 2 }])).toMatchObject({
      shippingFen: 1_200,
      shippingPolicy: { flatFeeFen: 1_200, freeAboveFen: 20_000 },
    });
    const bad = await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('admin'))
      .send({ flatFeeFen: -1, freeAboveFen: 1 });
    expect(bad.status).toBe(400);
    const audit = (
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect((audit.items ?? audit).map((row: { action: string }) => row.action)).toContain('shipping.update');
  });

  it("an order's member savings count neither the shipping fee nor the coupon", async () => {
    await join('cs-jack', plainTier);
    const plain = await order('cs-jack', [{ skuId: sku.cheap, quantity: 1 }]);
    expect(plain.body.order.shippingFen).toBeGreaterThan(0);
    expect(plain.body.order.savingsFen).toBe(0);
    await join('cs-kate', couponTier);
    const [coupon] = await coupons('cs-kate');
    const discounted = await order('cs-kate', [{ skuId: sku.dear, quantity: 1 }], coupon.id);
    const { listTotalFen, totalFen, couponDiscountFen, savingsFen } = discounted.body.order;
    expect(couponDiscountFen).toBe(5_000);
    expect(savingsFen).toBe(listTotalFen - (totalFen + couponDiscountFen));
  });
});
