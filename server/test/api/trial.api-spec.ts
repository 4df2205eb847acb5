import type {
  CheckoutQuote,
  CouponView,
  CreateOrderResponse,
  MembershipResponse,
  MyGiftPacksView,
  MyMembershipView,
  TierView,
  TrialStatsView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;
/** Booting and seeding a database takes long on a loaded machine. */
const BOOT_TIMEOUT = 180_000;

/** Issue #19: a tier's free trial, once per customer: member prices and free shipping, no gift, coupon or milestone. */
describe('free trial', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  /** A tier of our own with a 5-day trial, 20 % off, free shipping, a coupon and a welcome pack. */
  let trialTier: number;
  let noTrialTier: number;
  let skuId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const admin = await t.staff('admin');
    const benefit = async (body: Record<string, unknown>) =>
      (await t.http.post('/api/admin/benefits').set(admin).send(body).expect(201)).body.id as number;
    const benefitIds = [
      await benefit({ type: 'MEMBER_PRICE', title: '会员价' }),
      await benefit({ type: 'FREE_SHIPPING', title: '会员包邮' }),
      await benefit({
        type: 'COUPON',
        title: '开卡券',
        config: { amountFen: 1_000, thresholdFen: 5_000, validDays: 30, perMonth: false, quantity: 1 },
      }),
    ];
    const f = shopFixtures(t);
    const packItem = await f.product('TR-PACK-ITEM', 5_000);
    const packs = [{ id: await f.giftPack('TR 开卡礼包', [{ skuId: packItem.skuId, quantity: 1 }], 5_000) }];
    const tier = async (code: string, trialDays: number) => {
      const created = await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({
          code,
          name: `${code} 卡`,
          priceFen: 30_000,
          termMonths: 12,
          defaultDiscountBp: 2_000,
          trialDays,
          benefitIds,
          giftPackIds: [packs[0].id],
        })
        .expect(201);
      await t.http.patch(`/api/admin/tiers/${created.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
      return created.body.id as number;
    };
    trialTier = await tier('TR-TRY', 5);
    noTrialTier = await tier('TR-PLAIN', 0);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(admin)
      .send({ flatFeeFen: 1_000, freeAboveFen: null })
      .expect(200);
    const product = await t.http
      .post('/api/admin/products')
      .set(admin)
      .send({
        title: '试用测试米',
        category: '测试',
        onSale: true,
        skus: [{ code: 'TR-RICE', name: '5kg', listPriceFen: 10_000, stock: 1000 }],
      })
      .expect(201);
    skuId = product.body.skus[0].id;
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const startTrial = async (name: string, tierId: number) =>
    t.http
      .post('/api/me/trial')
      .set(await t.customer(name))
      .send({ tierId });
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const quote = async (name: string) =>
    (
      await t.http
        .post('/api/orders/quote')
        .set(await t.customer(name))
        .send({ items: [{ skuId, quantity: 1 }] })
        .expect(200)
    ).body as CheckoutQuote;
  const stats = async () =>
    (
      await t.http
        .get('/api/admin/trials/stats')
        .set(await t.staff('operator'))
        .expect(200)
    ).body as TrialStatsView;

  it('GET /api/tiers says how many trial days a tier offers (0 when none)', async () => {
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    expect(tiers.find((tier) => tier.id === trialTier)?.trialDays).toBe(5);
    expect(tiers.find((tier) => tier.id === noTrialTier)?.trialDays).toBe(0);
  });

  it('a trial gives member prices and free shipping for its days', async () => {
    expect(await quote('tr-amy')).toMatchObject({ goodsFen: 10_000, shippingFen: 1_000 });
    const res = await startTrial('tr-amy', trialTier);
    expect(res.status).toBe(201);
    const { membership } = res.body as MembershipResponse;
    expect(membership).toMatchObject({ status: 'ACTIVE', tier: { id: trialTier }, daysLeft: 5 });
    expect(membership.terms).toEqual([expect.objectContaining({ source: 'TRIAL' })]);
    expect(await quote('tr-amy')).toMatchObject({ goodsFen: 8_000, shippingFen: 0, totalFen: 8_000 });
    t.clock.advance(5 * DAY + 1);
    expect((await me('tr-amy')).status).toBe('EXPIRED');
    expect(await quote('tr-amy')).toMatchObject({ goodsFen: 10_000, shippingFen: 1_000 });
  });

  it('a trial offers no welcome gift, no coupons and counts no spend toward milestones', async () => {
    await startTrial('tr-bea', trialTier).then((res) => expect(res.status).toBe(201));
    const auth = await t.customer('tr-bea');
    expect((await t.http.get('/api/me/coupons').set(auth).expect(200)).body as CouponView[]).toEqual([]);
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '李四',
          phone: '13800138000',
          province: '上海市',
          city: '上海市',
          district: '徐汇区',
          detail: '漕溪路 1 号',
        })
        .expect(201)
    ).body.id as number;
    const order = (
      await t.http
        .post('/api/orders')
        .set(auth)
        .send({ items: [{ skuId, quantity: 3 }], addressId: address })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(order.order.outTradeNo)).toBe(204);
    const gifts = (await t.http.get('/api/me/gift-packs').set(auth).expect(200)).body as MyGiftPacksView;
    expect(gifts.welcome?.status).not.toBe('CLAIMABLE');
    expect(gifts.claimable).toEqual([]);
    expect(gifts.spendFen).toBe(0);
    const membership = await me('tr-bea');
    expect(membership.spendFen).toBe(0);
    expect(membership.nextMilestone).toBeUndefined();
  });

  it('a second trial of the same customer is 409 TRIAL_ALREADY_USED, even of another tier or after it ended', async () => {
    expect((await startTrial('tr-cid', trialTier)).status).toBe(201);
    const again = await startTrial('tr-cid', trialTier);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'TRIAL_ALREADY_USED' });
    t.clock.advance(6 * DAY);
    expect((await startTrial('tr-cid', trialTier)).body.code).toBe('TRIAL_ALREADY_USED');
  });

  it('ten trial requests of one customer at once start one trial', async () => {
    await t.customer('tr-dot');
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => (await startTrial('tr-dot', trialTier)).status),
    );
    expect(answers.filter((status) => status === 201)).toHaveLength(1);
    expect(answers.filter((status) => status === 409)).toHaveLength(9);
    expect((await me('tr-dot')).terms).toHaveLength(1);
  });

  it('a tier without a trial, or a customer who is already a member, gets no trial', async () => {
    expect((await startTrial('tr-eli', noTrialTier)).body).toMatchObject({
      statusCode: 409,
      code: 'TRIAL_NOT_OFFERED',
    });
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('tr-fox'))
        .send({ tierId: noTrialTier })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    expect((await startTrial('tr-fox', trialTier)).body).toMatchObject({
      statusCode: 409,
      code: 'TRIAL_NOT_AVAILABLE',
    });
  });

  it('paying during the trial starts the paid term now, ends the trial, and counts as a conversion', async () => {
    const before = await stats();
    expect((await startTrial('tr-gil', trialTier)).status).toBe(201);
    t.clock.advance(2 * DAY);
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('tr-gil'))
        .send({ tierId: trialTier })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    const membership = await me('tr-gil');
    const now = t.clock.now().toISOString();
    expect(membership.terms.map((term) => [term.source, term.start])).toEqual([
      ['TRIAL', expect.any(String)],
      ['PURCHASE', now],
    ]);
    expect(membership.terms[0].end).toBe(now);
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer('tr-gil'))
        .expect(200)
    ).body as MyGiftPacksView;
    expect(gifts.welcome?.status).toBe('CLAIMABLE');
    const after = await stats();
    expect(after.started).toBe(before.started + 1);
    expect(after.converted).toBe(before.converted + 1);
    expect(after.byTier.find((row) => row.tierId === trialTier)).toMatchObject({
      started: after.started - before.started + (before.byTier.find((row) => row.tierId === trialTier)?.started ?? 0),
    });
    expect(after.conversionRate).toBeCloseTo(after.converted / after.started);
  });
});
