import {
  BenefitType,
  type AddressView,
  type CreateOrderResponse,
  type MyGiftPacksView,
  type MyMembershipView,
  type OrderView,
  type Page,
  type ProductView,
  type RefundQuote,
  type TierView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

describe.each(['dev', 'live'] as const)('orders and payments (WeChat %s)', (mode) => {
  let t: TestApp;
  let pay: PaymentDriver;
  let tiers: TierView[];
  let annualId: number;
  let blackId: number;
  /** Rice: 98 元 list, 79 元 to annual members. */
  const rice = { listFen: 9_800, memberFen: 7_900 };
  /** Steak: 319 元 to annual members. */
  const steakMemberFen = 31_900;
  /** The milestones: 5000 元 and 10000 元 of spend. */
  const milestones = [500_000, 1_000_000];
  /** The third welcome pack is worth more than the annual fee. */
  const bigPackFen = 120_000;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver(mode));
    const shop = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    const packOf = async (code: string, valueFen: number) => {
      const product = await shop.product(code, valueFen);
      return shop.giftPack(`${code} 礼包`, [{ skuId: product.skuId, quantity: 1 }], valueFen);
    };
    const welcome = [
      await packOf('OP-FRESH', 20_000),
      await packOf('OP-KITCHEN', 30_000),
      await packOf('OP-HOME', bigPackFen),
    ];
    annualId = (
      await shop.tier('OP_ANNUAL', {
        priceFen: 100_000,
        defaultDiscountBp: 1_000,
        benefits: [BenefitType.FREE_SHIPPING],
        giftPackIds: welcome,
      })
    ).id;
    blackId = (
      await shop.tier('OP_BLACK', {
        priceFen: 299_900,
        defaultDiscountBp: 1_500,
        benefits: [BenefitType.FREE_SHIPPING],
        giftPackIds: [await packOf('OP-LUXE', 200_000)],
      })
    ).id;
    await shop.product('OP-RICE', rice.listFen, { memberPrices: { [annualId]: rice.memberFen } });
    await shop.product('OP-STEAK', 39_900, { memberPrices: { [annualId]: steakMemberFen } });
    for (const code of ['OP-OIL', 'OP-EGG', 'OP-MILK']) await shop.product(code, 3_000);
    for (const threshold of milestones)
      await shop.milestone(threshold, `消费满 ${threshold / 100} 元`, await packOf(`OP-M${threshold}`, 10_000));
    tiers = (await t.http.get('/api/tiers').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const annual = () => tiers.find((tier) => tier.id === annualId)!;
  const black = () => tiers.find((tier) => tier.id === blackId)!;
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const order = async (name: string, id: number) =>
    (
      await t.http
        .get(`/api/orders/${id}`)
        .set(await t.customer(name))
        .expect(200)
    ).body as OrderView;
  const buyTier = async (name: string, tierId: number, giftPackId?: number) =>
    (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId, giftPackId })
        .expect(201)
    ).body as CreateOrderResponse;
  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    const created = await t.http
      .post('/api/me/addresses')
      .set(auth)
      .send({
        name: '张三',
        phone: '13800138000',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: '世纪大道 100 号',
      })
      .expect(201);
    return (created.body as AddressView).id;
  };
  const productSku = async (code: string, name?: string) => {
    const req = t.http.get('/api/products').query({ pageSize: 100 });
    if (name) req.set(await t.customer(name));
    const products = ((await req.expect(200)).body as Page<ProductView>).items;
    return products.flatMap((p) => p.skus).find((s) => s.code === code)!;
  };
  const buyProduct = async (name: string, skuId: number, quantity = 1) =>
    (
      await t.http
        .post('/api/orders')
        .set(await t.customer(name))
        .send({ items: [{ skuId, quantity }], addressId: await addressOf(name) })
        .expect(201)
    ).body as CreateOrderResponse;
  const stockOf = async (code: string) => (await productSku(code)).stock;

  it('buying a tier and paying activates the membership for one term', async () => {
    const bought = await buyTier(`${mode}-alice`, annual().id, annual().giftPacks[0].id);
    expect(bought.order).toMatchObject({ status: 'PENDING_PAYMENT', totalFen: annual().priceFen });
    expect(bought.payment).toMatchObject({
      appId: expect.any(String),
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
      paySign: expect.any(String),
    });
    expect(await pay.verifyPaySign(bought.payment)).toBe(true);
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    expect((await order(`${mode}-alice`, bought.order.id)).status).toBe('PAID');
    const membership = await me(`${mode}-alice`);
    expect(membership.status).toBe('ACTIVE');
    const expectedEnd = new Date(t.clock.now());
    expectedEnd.setUTCFullYear(expectedEnd.getUTCFullYear() + 1);
    expect(Math.abs(new Date(membership.termEnd!).getTime() - expectedEnd.getTime())).toBeLessThan(DAY);
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(`${mode}-alice`))
        .expect(200)
    ).body as MyGiftPacksView;
    expect(gifts.orders).toHaveLength(1);
    expect(gifts.orders[0]).toMatchObject({
      kind: 'GIFT',
      totalFen: 0,
      status: 'PAID',
      giftPackId: annual().giftPacks[0].id,
    });
  });

  it('renewal before expiry extends from the old end date', async () => {
    const before = await me(`${mode}-alice`);
    const renewal = await buyTier(`${mode}-alice`, annual().id);
    await pay.confirm(renewal.order.outTradeNo);
    const after = await me(`${mode}-alice`);
    const oldEnd = new Date(before.termEnd!);
    const expected = new Date(oldEnd);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(Math.abs(new Date(after.termEnd!).getTime() - expected.getTime())).toBeLessThan(DAY);
    expect(after.terms.map((term) => term.source)).toEqual(['PURCHASE', 'RENEWAL']);
    expect(after.terms[1].start).toBe(before.termEnd);
  });

  it('renewal after expiry starts now', async () => {
    const name = `${mode}-bob`;
    const first = await buyTier(name, annual().id);
    await pay.confirm(first.order.outTradeNo);
    t.clock.advance(400 * DAY);
    expect((await me(name)).status).toBe('EXPIRED');
    const renewal = await buyTier(name, annual().id);
    await pay.confirm(renewal.order.outTradeNo);
    const after = await me(name);
    expect(after.status).toBe('ACTIVE');
    expect(after.terms[after.terms.length - 1].start).toBe(t.clock.now().toISOString());
  });

  it('buying another tier while active starts it now and keeps the remaining days as a later term', async () => {
    const name = `${mode}-carol`;
    const first = await buyTier(name, annual().id);
    await pay.confirm(first.order.outTradeNo);
    const firstEnd = new Date((await me(name)).termEnd!);
    t.clock.advance(100 * DAY);
    const remaining = firstEnd.getTime() - t.clock.now().getTime();
    const upgrade = await buyTier(name, black().id);
    await pay.confirm(upgrade.order.outTradeNo);
    const after = await me(name);
    expect(after.tier?.code).toBe(black().code);
    const [, premium, carry] = after.terms;
    expect(premium).toMatchObject({ source: 'PURCHASE', tier: { code: black().code } });
    expect(carry).toMatchObject({ source: 'CARRY_OVER', tier: { code: annual().code }, start: premium.end });
    expect(new Date(carry.end).getTime() - new Date(carry.start).getTime()).toBe(remaining);
  });

  it('the member price is applied to the next product order, computed by the server', async () => {
    const name = `${mode}-alice`;
    const sku = await productSku('OP-RICE', name);
    expect(sku.priceFen).toBe(rice.memberFen);
    const res = await t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({
        items: [{ skuId: sku.id, quantity: 2, priceFen: 1, unitPriceFen: 1 }],
        addressId: await addressOf(name),
        totalFen: 2,
        priceFen: 1,
      })
      .expect(201);
    const created = res.body as CreateOrderResponse;
    expect(created.order.totalFen).toBe(2 * rice.memberFen);
    const view = await order(name, created.order.id);
    expect(view.lines[0]).toMatchObject({
      unitListPriceFen: rice.listFen,
      unitPriceFen: rice.memberFen,
      quantity: 2,
      lineTotalFen: 2 * rice.memberFen,
    });
    expect(view.savingsFen).toBe(2 * (rice.listFen - rice.memberFen));
    expect(view.pricedAsTierId).toBe(annual().id);
    await pay.confirm(created.order.outTradeNo);
    expect((await me(name)).savingsFen).toBe(2 * (rice.listFen - rice.memberFen));
  });

  it('a non-member pays list price, and a product order needs an address', async () => {
    const name = `${mode}-guest`;
    const sku = await productSku('OP-RICE', name);
    const missing = await t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({ items: [{ skuId: sku.id, quantity: 1 }] })
      .expect(400);
    expect(missing.body.code).toBe('ADDRESS_REQUIRED');
    // 98元 at list price, below the 99元 free-shipping threshold: the flat fee is part of the total.
    expect((await buyProduct(name, sku.id)).order).toMatchObject({ totalFen: rice.listFen + 1000, shippingFen: 1000 });
  });

  it('concurrent buyers of the last unit: exactly one wins, the others get OUT_OF_STOCK', async () => {
    const admin = await t.staff('admin');
    const product = (
      await t.http
        .post('/api/admin/products')
        .set(admin)
        .send({
          title: `限量款 ${mode}`,
          category: '限量',
          skus: [{ code: `LAST-${mode}`, name: '唯一', listPriceFen: 5000, stock: 1 }],
        })
        .expect(201)
    ).body;
    const skuId = product.skus[0].id as number;
    const buyers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => `${mode}-racer-${i}`).map(async (name) => ({
        name,
        auth: await t.customer(name),
        addressId: await addressOf(name),
      })),
    );
    const results = await Promise.all(
      buyers.map((b) =>
        t.http
          .post('/api/orders')
          .set(b.auth)
          .send({ items: [{ skuId, quantity: 1 }], addressId: b.addressId }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'OUT_OF_STOCK')).toBe(true);
    expect(await stockOf(`LAST-${mode}`)).toBe(0);
  });

  it('the same notification replayed 20 times concurrently activates the membership once', async () => {
    const name = `${mode}-dave`;
    const bought = await buyTier(name, annual().id, annual().giftPacks[1].id);
    const notification = await pay.notification(bought.order.outTradeNo);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => pay.deliver(notification)));
    expect(statuses.every((status) => status === 204)).toBe(true);
    const membership = await me(name);
    expect(membership.terms).toHaveLength(1);
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
    expect(gifts.orders).toHaveLength(1);
    expect(await pay.deliver(notification)).toBe(204);
    expect((await me(name)).terms).toHaveLength(1);
  });

  it('forged, tampered and stale notifications are rejected and change nothing', async () => {
    const name = `${mode}-eve`;
    const bought = await buyTier(name, annual().id);
    const genuine = await pay.notification(bought.order.outTradeNo);
    const tamperedBody = { ...genuine, body: genuine.body.replace(/"id":"[^"]+"/, '"id":"forged-id"') };
    const wrongSignature = {
      ...genuine,
      headers: { ...genuine.headers, 'wechatpay-signature': Buffer.from('x'.repeat(256)).toString('base64') },
    };
    const stale = await pay.notification(bought.order.outTradeNo, { timestampOffsetSeconds: -600 });
    const unknownSerial = {
      ...genuine,
      headers: { ...genuine.headers, 'wechatpay-serial': 'PUB_KEY_ID_0000000000000000000000000000' },
    };
    for (const forged of [tamperedBody, wrongSignature, stale, unknownSerial]) {
      const status = await pay.deliver(forged);
      expect(status).toBeGreaterThanOrEqual(400);
    }
    expect((await order(name, bought.order.id)).status).toBe('PENDING_PAYMENT');
    expect((await me(name)).status).toBe('NONE');
  });

  it('a notification with the wrong amount is flagged and activates nothing', async () => {
    const name = `${mode}-frank`;
    const bought = await buyTier(name, annual().id);
    const status = await pay.deliver(await pay.notification(bought.order.outTradeNo, { amountFen: 1 }));
    expect(status).toBe(204);
    expect((await order(name, bought.order.id)).status).toBe('PENDING_PAYMENT');
    expect((await me(name)).status).toBe('NONE');
    const flagged = (
      await t.http
        .get('/api/admin/payments/flagged')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as { orderId: number; flagReason: string }[];
    expect(flagged.find((p) => p.orderId === bought.order.id)?.flagReason).toMatch(/amount 1/);
  });

  it('an unpaid order closes after its time and releases its stock', async () => {
    const name = `${mode}-grace`;
    const before = await stockOf('OP-OIL');
    const sku = await productSku('OP-OIL');
    const created = await buyProduct(name, sku.id, 3);
    expect(await stockOf('OP-OIL')).toBe(before - 3);
    t.clock.advance(16 * 60 * 1000);
    const result = await pay.runReconciliation();
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect((await order(name, created.order.id)).status).toBe('CLOSED');
    expect(await stockOf('OP-OIL')).toBe(before);
  });

  it('reconciliation settles an order whose notification never arrived', async () => {
    const name = `${mode}-heidi`;
    const bought = await buyTier(name, annual().id);
    await pay.confirmWithoutNotify(bought.order.outTradeNo);
    t.clock.advance(16 * 60 * 1000);
    await pay.runReconciliation();
    expect((await order(name, bought.order.id)).status).toBe('PAID');
    expect((await me(name)).status).toBe('ACTIVE');
  });

  it("a customer can cancel an unpaid order but not another customer's", async () => {
    const sku = await productSku('OP-EGG');
    const created = await buyProduct(`${mode}-ivan`, sku.id);
    await t.http
      .post(`/api/orders/${created.order.id}/cancel`)
      .set(await t.customer(`${mode}-judy`))
      .expect(404);
    const cancelled = (
      await t.http
        .post(`/api/orders/${created.order.id}/cancel`)
        .set(await t.customer(`${mode}-ivan`))
        .expect(200)
    ).body as OrderView;
    expect(cancelled.status).toBe('CLOSED');
  });

  it("customer A cannot read customer B's order", async () => {
    const created = await buyProduct(`${mode}-ivan`, (await productSku('OP-EGG')).id);
    const res = await t.http
      .get(`/api/orders/${created.order.id}`)
      .set(await t.customer(`${mode}-judy`))
      .expect(404);
    expect(res.body.code).toBe('ORDER_NOT_FOUND');
    const list = (
      await t.http
        .get('/api/orders')
        .set(await t.customer(`${mode}-judy`))
        .expect(200)
    ).body;
    expect(list.items).toEqual([]);
  });

  it('crossing a milestone grants its pack once per term', async () => {
    const name = `${mode}-kim`;
    const joined = await buyTier(name, annual().id);
    await pay.confirm(joined.order.outTradeNo);
    const steak = await productSku('OP-STEAK', name);
    const created = await buyProduct(name, steak.id, 16); // 16 × 319 元 = 5104 元: past the first milestone
    await pay.confirm(created.order.outTradeNo);
    const overview = await me(name);
    expect(overview.spendFen).toBe(16 * steakMemberFen);
    expect(overview.nextMilestone).toMatchObject({
      thresholdFen: milestones[1],
      remainingFen: milestones[1] - 16 * steakMemberFen,
    });
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
    const milestone = gifts.claimable.find((gift) => gift.source === 'MILESTONE')!;
    expect(milestone).toBeDefined();
    const claim = {
      source: 'MILESTONE',
      termId: milestone.termId,
      milestoneId: milestone.milestoneId,
      giftPackId: milestone.options[0].id,
    };
    const results = await Promise.all(
      [1, 2, 3].map(async () =>
        t.http
          .post('/api/me/gift-packs/claim')
          .set(await t.customer(name))
          .send(claim),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'MILESTONE_ALREADY_CLAIMED')).toBe(
      true,
    );
    const after = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
    expect(after.claimable.filter((gift) => gift.source === 'MILESTONE')).toEqual([]);
  });

  it('the membership refund rule subtracts gift value and member savings, and revokes on success', async () => {
    const name = `${mode}-liz`;
    const joined = await buyTier(name, annual().id, annual().giftPacks[2].id);
    await pay.confirm(joined.order.outTradeNo);
    const bought = await buyProduct(name, (await productSku('OP-RICE', name)).id, 1);
    await pay.confirm(bought.order.outTradeNo);
    const finance = await t.staff('finance');
    const quote = (await t.http.get(`/api/admin/orders/${joined.order.id}/refund-quote`).set(finance).expect(200))
      .body as RefundQuote;
    expect(quote).toMatchObject({
      paidFen: annual().priceFen,
      giftValueUsedFen: bigPackFen,
      memberSavingsUsedFen: rice.listFen - rice.memberFen,
      refundableFen: 0, // the pack alone is worth more than the fee
      fullRefundAllowed: false,
    });
    const refused = await t.http
      .post(`/api/admin/orders/${joined.order.id}/refunds`)
      .set(finance)
      .send({ reason: '退会' })
      .expect(400);
    expect(refused.body.code).toBe('REFUND_AMOUNT_INVALID');
  });

  it('a full refund of an unused membership revokes it, returns the gift stock and reverses revenue', async () => {
    const name = `${mode}-mia`;
    const joined = await buyTier(name, annual().id);
    await pay.confirm(joined.order.outTradeNo);
    const operator = await t.staff('operator');
    const quote = (await t.http.get(`/api/admin/orders/${joined.order.id}/refund-quote`).set(operator).expect(200))
      .body as RefundQuote;
    expect(quote).toMatchObject({ refundableFen: annual().priceFen, fullRefundAllowed: true });
    const refund = (
      await t.http
        .post(`/api/admin/orders/${joined.order.id}/refunds`)
        .set(operator)
        .send({ reason: '七天无理由' })
        .expect(201)
    ).body;
    expect(refund).toMatchObject({ amountFen: annual().priceFen });
    await pay.completeRefund(refund.outRefundNo);
    expect((await order(name, joined.order.id)).status).toBe('REFUNDED');
    expect((await me(name)).status).toBe('REVOKED');
  });

  it('an operator refund above the limit becomes a request; support cannot refund; finance can', async () => {
    const name = `${mode}-ned`;
    const joined = await buyTier(name, black().id);
    await pay.confirm(joined.order.outTradeNo);
    const requested = await t.http
      .post(`/api/admin/orders/${joined.order.id}/refunds`)
      .set(await t.staff('operator'))
      .send({ reason: '退会' })
      .expect(202);
    expect(requested.body.request).toMatchObject({ status: 'PENDING', amountFen: black().priceFen });
    await t.http
      .post(`/api/admin/orders/${joined.order.id}/refunds`)
      .set(await t.staff('support'))
      .send({ reason: '退会' })
      .expect(403);
    // finance decides the waiting request (a second refund of the order does not start while it waits)
    await t.http
      .post(`/api/admin/refund-requests/${requested.body.request.id}/approve`)
      .set(await t.staff('finance'))
      .send({})
      .expect(201);
  });

  it('a member who skipped the gift pack at purchase chooses it later, once', async () => {
    const name = `${mode}-olga`;
    const joined = await buyTier(name, annual().id);
    await pay.confirm(joined.order.outTradeNo);
    const auth = await t.customer(name);
    const gifts = (await t.http.get('/api/me/gift-packs').set(auth).expect(200)).body as MyGiftPacksView;
    const welcome = gifts.claimable.find((gift) => gift.source === 'WELCOME')!;
    expect(welcome.options.map((option) => option.id)).toEqual(annual().giftPacks.map((pack) => pack.id));
    const addressId = await addressOf(name);
    const claim = { source: 'WELCOME', termId: welcome.termId, giftPackId: welcome.options[1].id, addressId };
    const order = (await t.http.post('/api/me/gift-packs/claim').set(auth).send(claim).expect(201)).body as OrderView;
    expect(order).toMatchObject({ kind: 'GIFT', totalFen: 0, giftPackId: welcome.options[1].id });
    const again = await t.http.post('/api/me/gift-packs/claim').set(auth).send(claim).expect(409);
    expect(again.body.code).toBe('GIFT_ALREADY_CLAIMED');
  });

  it('a gift pack not offered with the tier is refused', async () => {
    const res = await t.http
      .post('/api/orders/membership')
      .set(await t.customer(`${mode}-olga`))
      .send({ tierId: annual().id, giftPackId: black().giftPacks[0].id })
      .expect(400);
    expect(res.body.code).toBe('GIFT_PACK_NOT_OFFERED');
  });

  it('a notification naming another merchant is flagged and activates nothing', async () => {
    const name = `${mode}-pete`;
    const bought = await buyTier(name, annual().id);
    expect(await pay.deliver(await pay.notification(bought.order.outTradeNo, { mchid: '1999999999' }))).toBe(204);
    expect((await order(name, bought.order.id)).status).toBe('PENDING_PAYMENT');
    expect((await me(name)).status).toBe('NONE');
  });

  it('a full refund of an unshipped product order returns its stock', async () => {
    const name = `${mode}-quinn`;
    const sku = await productSku('OP-MILK');
    const before = sku.stock;
    const created = await buyProduct(name, sku.id, 4);
    await pay.confirm(created.order.outTradeNo);
    expect(await stockOf('OP-MILK')).toBe(before - 4);
    const refund = (
      await t.http
        .post(`/api/admin/orders/${created.order.id}/refunds`)
        .set(await t.staff('operator'))
        .send({ reason: '缺货退款' })
        .expect(201)
    ).body;
    expect(refund.amountFen).toBe(created.order.totalFen);
    expect((await order(name, created.order.id)).status).toBe('REFUNDING');
    await pay.completeRefund(refund.outRefundNo);
    expect(await pay.completeRefund(refund.outRefundNo)).toBe(204);
    expect((await order(name, created.order.id)).status).toBe('REFUNDED');
    expect(await stockOf('OP-MILK')).toBe(before);
  });

  it('a member-priced order cannot outlive the membership that priced it', async () => {
    const name = `${mode}-rita`;
    const joined = await buyTier(name, annual().id);
    await pay.confirm(joined.order.outTradeNo);
    const termEnd = new Date((await me(name)).termEnd!);
    t.clock.set(new Date(termEnd.getTime() - 5 * 60 * 1000));
    const created = await buyProduct(name, (await productSku('OP-RICE', name)).id);
    expect(created.order.totalFen).toBe(rice.memberFen); // member price, shipped free
    expect((await order(name, created.order.id)).expiresAt).toBe(termEnd.toISOString());
    t.clock.set(new Date(termEnd.getTime() + 1000));
    await pay.runReconciliation();
    expect((await order(name, created.order.id)).status).toBe('CLOSED');
  });
});
