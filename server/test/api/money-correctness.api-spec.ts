import type {
  AddressView,
  AdminMemberView,
  AdminOrderView,
  CreateOrderResponse,
  MyGiftPacksView,
  MyMembershipView,
  OrderView,
  RefundQuote,
  TierView,
} from '@member-commerce/shared';
import { RefundsService } from '../../src/payments/refunds.service';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures, type TierFixture } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY;
const items = (body: any): any[] => (Array.isArray(body) ? body : body.items);

/** Money correctness (issue #8): refunds touch only what they refund, limits are cumulative, no lost days. */
describe('money correctness', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let tiers: TierView[];
  let annualTier: TierFixture;
  let blackTier: TierFixture;
  /** 1500 元 a box, 10% off for members (the tiers' default discount). */
  let product: { id: number; skuId: number };
  /** The one milestone: 5000 元 of spend. */
  const milestoneFen = 500_000;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const shop = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    const nuts = await shop.product('MC-NUTS', 150_000, { title: '测试坚果礼盒', stock: 10_000 });
    product = { id: nuts.productId, skuId: nuts.skuId };
    const welcome = await shop.giftPack('坚果礼', [{ skuId: nuts.skuId, quantity: 1 }], 150_000);
    annualTier = await shop.tier('MC_ANNUAL', { priceFen: 100_000, defaultDiscountBp: 1_000, giftPackIds: [welcome] });
    blackTier = await shop.tier('MC_BLACK', { priceFen: 300_000, defaultDiscountBp: 1_000 });
    await shop.milestone(
      milestoneFen,
      '消费满 5000 元',
      await shop.giftPack('五千元礼', [{ skuId: nuts.skuId, quantity: 1 }], 150_000),
    );
    tiers = (await t.http.get('/api/tiers').expect(200)).body;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const annual = () => tiers.find((tier) => tier.id === annualTier.id)!;
  const black = () => tiers.find((tier) => tier.id === blackTier.id)!;
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const buyTier = async (name: string, tierId: number, body: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId, ...body })
        .expect(201)
    ).body as CreateOrderResponse;
  const paidTier = async (name: string, tierId: number) => {
    const bought = await buyTier(name, tierId);
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    return bought.order;
  };
  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    const created = await t.http
      .post('/api/me/addresses')
      .set(auth)
      .send({
        name: '李四',
        phone: '13900139000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 1 号',
      })
      .expect(201);
    return (created.body as AddressView).id;
  };
  const paidProducts = async (name: string, quantity: number) => {
    const res = await t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({ items: [{ skuId: product.skuId, quantity }], addressId: await addressOf(name) })
      .expect(201);
    const order = (res.body as CreateOrderResponse).order;
    expect(await pay.confirm(order.outTradeNo)).toBe(204);
    return order;
  };
  /** Requests a refund and, when WeChat accepted it, lets WeChat complete it (the notify arrives). */
  const refund = async (role: 'admin' | 'operator' | 'finance', orderId: number, body: Record<string, unknown>) => {
    const res = await t.http
      .post(`/api/admin/orders/${orderId}/refunds`)
      .set(await t.staff(role))
      .send({ reason: '测试退款', ...body });
    if (res.status === 201 && res.body.status === 'PROCESSING') {
      expect(await pay.completeRefund(res.body.outRefundNo)).toBe(204);
      res.body.status = 'SUCCESS';
    }
    return res;
  };
  const memberOf = async (name: string) => {
    const found = (
      await t.http
        .get('/api/admin/members')
        .query({ q: name })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as { items: AdminMemberView[] };
    return found.items.find((member) => member.nickname === name) ?? found.items[0];
  };
  const liveTerms = (view: MyMembershipView) => view.terms.filter((term) => new Date(term.end) > new Date(term.start));

  it('a full refund of a renewal removes only the renewal term; the earlier paid term and ACTIVE status stay', async () => {
    const name = 'mc-renewal-refund';
    const first = await paidTier(name, annual().id);
    const before = await me(name);
    const renewal = await paidTier(name, annual().id);
    expect(liveTerms(await me(name))).toHaveLength(2);

    const res = await refund('admin', renewal.id, {});
    expect(res.status).toBe(201);
    const after = await me(name);
    expect(after.status).toBe('ACTIVE');
    expect(after.termEnd).toBe(before.termEnd);
    expect(liveTerms(after).map((term) => term.source)).toEqual(['PURCHASE']);
    const firstOrder = (
      await t.http
        .get(`/api/orders/${first.id}`)
        .set(await t.customer(name))
        .expect(200)
    ).body as OrderView;
    expect(firstOrder.status).toBe('PAID');
  });

  it('a partial refund moves money only: the terms, the carry-over and the status are untouched', async () => {
    const name = 'mc-partial-refund';
    await paidTier(name, annual().id);
    t.clock.advance(10 * DAY);
    const upgrade = await paidTier(name, black().id);
    const before = await me(name);
    expect(liveTerms(before).map((term) => term.source)).toContain('CARRY_OVER');

    expect((await refund('admin', upgrade.id, { amountFen: 10_000 })).status).toBe(201);
    const after = await me(name);
    expect(after.status).toBe('ACTIVE');
    expect(after.termEnd).toBe(before.termEnd);
    expect(liveTerms(after)).toEqual(liveTerms(before));
  });

  it('a full refund of the only term covering now ends the membership', async () => {
    const name = 'mc-only-term';
    const order = await paidTier(name, annual().id);
    expect((await refund('admin', order.id, {})).status).toBe(201);
    expect((await me(name)).status).toBe('REVOKED');
  });

  it('operator refunds are limited by the cumulative amount per order; above it a refund request waits for finance', async () => {
    const name = 'mc-operator-limit';
    const order = await paidProducts(name, 3); // 4500元, operator limit 2000元
    expect((await refund('operator', order.id, { amountFen: 150_000 })).status).toBe(201);
    const second = await refund('operator', order.id, { amountFen: 150_000 });
    expect(second.status).toBe(202);
    expect(second.body.request).toMatchObject({ orderId: order.id, amountFen: 150_000, status: 'PENDING' });

    const queue = (
      await t.http
        .get('/api/admin/refund-requests')
        .query({ status: 'PENDING' })
        .set(await t.staff('finance'))
        .expect(200)
    ).body;
    expect(items(queue).map((request: { id: number }) => request.id)).toContain(second.body.request.id);
    await t.http
      .post(`/api/admin/refund-requests/${second.body.request.id}/approve`)
      .set(await t.staff('operator'))
      .send({})
      .expect(403);
    const approved = await t.http
      .post(`/api/admin/refund-requests/${second.body.request.id}/approve`)
      .set(await t.staff('finance'))
      .send({})
      .expect(201);
    expect(approved.body).toMatchObject({ status: 'APPROVED', refund: { amountFen: 150_000 } });
    if (approved.body.refund.queuedUntil) {
      // WeChat takes one refund of an order a minute: the approved refund waits for its minute, then goes out
      t.clock.advance(61_000);
      await t.app.get(RefundsService).submitQueued();
    }
    if (approved.body.refund.status === 'PROCESSING') await pay.completeRefund(approved.body.refund.outRefundNo);
    const view = (
      await t.http
        .get(`/api/admin/orders/${order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView & { refundedFen: number; refunds: unknown[] };
    expect(view.refundedFen).toBe(300_000);
    expect(view.refunds).toHaveLength(2);
    const audit = (
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    const actions = items(audit).map((row: { action: string }) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['refund.request', 'refund.approve']));
  });

  it('support extensions are capped cumulatively per term, not per request', async () => {
    const name = 'mc-support-cap';
    await paidTier(name, annual().id);
    const member = await memberOf(name);
    const support = await t.staff('support');
    await t.http
      .post(`/api/admin/members/${member.membershipId}/extend`)
      .set(support)
      .send({ days: 20, reason: '物流延误补偿' })
      .expect(201);
    const second = await t.http
      .post(`/api/admin/members/${member.membershipId}/extend`)
      .set(support)
      .send({ days: 20, reason: '物流延误补偿' });
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('EXTENSION_LIMIT_EXCEEDED');
    await t.http
      .post(`/api/admin/members/${member.membershipId}/extend`)
      .set(support)
      .send({ days: 10, reason: '物流延误补偿' })
      .expect(201);
  });

  it.each([1, 2, 3])(
    'two membership orders of one customer settled at the same moment give two consecutive terms (trial %i)',
    async (trial) => {
      const name = `mc-double-settle-${trial}`;
      const [a, b] = [await buyTier(name, annual().id), await buyTier(name, annual().id)];
      const statuses = await Promise.all([pay.confirm(a.order.outTradeNo), pay.confirm(b.order.outTradeNo)]);
      expect(statuses).toEqual([204, 204]);
      const view = await me(name);
      const terms = liveTerms(view).sort((x, y) => x.start.localeCompare(y.start));
      expect(terms).toHaveLength(2);
      expect(terms[1].start).toBe(terms[0].end);
      expect(new Date(view.termEnd!).getTime() - t.clock.now().getTime()).toBeGreaterThan(2 * YEAR_MS - 3 * DAY);
    },
  );

  it.each([1, 2, 3])('a renewal settling while staff extend the term keeps both (trial %i)', async (trial) => {
    const name = `mc-renew-extend-${trial}`;
    await paidTier(name, annual().id);
    const member = await memberOf(name);
    const before = new Date((await me(name)).termEnd!).getTime();
    const renewal = await buyTier(name, annual().id);
    const [status] = await Promise.all([
      pay.confirm(renewal.order.outTradeNo),
      t.http
        .post(`/api/admin/members/${member.membershipId}/extend`)
        .set(await t.staff('admin'))
        .send({ days: 30, reason: '活动补偿' })
        .expect(201),
    ]);
    expect(status).toBe(204);
    const after = new Date((await me(name)).termEnd!).getTime();
    expect(after - before).toBeGreaterThan(YEAR_MS + 29 * DAY);
  });

  it('cancelling an unpaid order closes it at WeChat, so it can no longer be paid', async () => {
    const name = 'mc-cancel';
    const bought = await buyTier(name, annual().id);
    const cancelled = await t.http
      .post(`/api/orders/${bought.order.id}/cancel`)
      .set(await t.customer(name))
      .expect(200);
    expect(cancelled.body.status).toBe('CLOSED');
    await expect(pay.confirmWithoutNotify(bought.order.outTradeNo)).rejects.toThrow();
    expect((await me(name)).status).toBe('NONE');
  });

  it('the money of a flagged payment on a closed order can be refunded', async () => {
    const name = 'mc-flagged-refund';
    const bought = await buyTier(name, annual().id);
    expect(await pay.deliver(await pay.notification(bought.order.outTradeNo, { amountFen: 1 }))).toBe(204);
    t.clock.advance(20 * 60 * 1000);
    await pay.runReconciliation();
    const order = (
      await t.http
        .get(`/api/admin/orders/${bought.order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
    expect(order.status).toBe('CLOSED');
    expect(order.payment?.status).toBe('FLAGGED');
    const res = await refund('finance', bought.order.id, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountFen: 1, status: 'SUCCESS' });
    expect(
      (
        await t.http
          .get(`/api/admin/orders/${bought.order.id}`)
          .set(await t.staff('admin'))
          .expect(200)
      ).body.status,
    ).toBe('CLOSED');
  });

  it("a notification for one order carrying another order's transaction id is flagged, not taken as paid", async () => {
    const name = 'mc-stolen-transaction';
    const a = await buyTier(name, annual().id);
    const paidA = await pay.notification(a.order.outTradeNo);
    expect(await pay.deliver(paidA)).toBe(204);
    const aView = (
      await t.http
        .get(`/api/admin/orders/${a.order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
    const b = await buyTier(`${name}-b`, annual().id);
    await pay.deliver(await pay.notification(b.order.outTradeNo, { transactionId: aView.payment!.transactionId! }));
    const bView = (
      await t.http
        .get(`/api/admin/orders/${b.order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
    expect(bView.status).toBe('PENDING_PAYMENT');
    expect(bView.payment?.status).toBe('FLAGGED');
    expect((await me(`${name}-b`)).status).toBe('NONE');
  });

  it('a welcome gift ships to the address the customer chose; shipping one without an address is refused', async () => {
    const name = 'mc-gift-address';
    const auth = await t.customer(name);
    const addressId = await addressOf(name);
    const withPack = await buyTier(name, annual().id, { giftPackId: annual().giftPacks[0].id, addressId });
    await pay.confirm(withPack.order.outTradeNo);
    const gifts = (await t.http.get('/api/me/gift-packs').set(auth).expect(200)).body as MyGiftPacksView;
    expect(gifts.orders[0].address).toMatchObject({ name: '李四', city: '杭州市' });

    const nameless = 'mc-gift-no-address';
    const later = await buyTier(nameless, annual().id, { giftPackId: annual().giftPacks[0].id });
    await pay.confirm(later.order.outTradeNo);
    const giftOrder = (
      (
        await t.http
          .get('/api/me/gift-packs')
          .set(await t.customer(nameless))
          .expect(200)
      ).body as MyGiftPacksView
    ).orders[0];
    expect(giftOrder.address ?? null).toBeNull();
    const ship = await t.http
      .post(`/api/admin/orders/${giftOrder.id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF1000000001' });
    expect(ship.status).toBe(409);
    expect(ship.body.code).toBe('ADDRESS_REQUIRED');
    const chosen = await t.http
      .put(`/api/orders/${giftOrder.id}/address`)
      .set(await t.customer(nameless))
      .send({ addressId: await addressOf(nameless) })
      .expect(200);
    expect(chosen.body.address).toMatchObject({ city: '杭州市' });
    await t.http
      .post(`/api/admin/orders/${giftOrder.id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF1000000001' })
      .expect(201);
  });

  it('a member price of 0 fen is refused', async () => {
    const res = await t.http
      .put(`/api/admin/skus/${product.skuId}/member-prices`)
      .set(await t.staff('admin'))
      .send({ prices: [{ tierId: annual().id, priceFen: 0 }] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PRICE');
  });

  it('changing tier keeps spend progress: spend counts across consecutive terms', async () => {
    const name = 'mc-spend-carry';
    await paidTier(name, annual().id);
    t.clock.advance(DAY);
    await paidProducts(name, 2);
    t.clock.advance(DAY);
    const before = await me(name);
    expect(before.spendFen).toBeGreaterThan(0);
    await paidTier(name, black().id);
    expect((await me(name)).spendFen).toBe(before.spendFen);
  });

  it('a refund that drops spend below a claimed milestone is flagged to staff', async () => {
    const name = 'mc-milestone-drop';
    await paidTier(name, annual().id);
    const order = await paidProducts(name, 4); // 4 × 1350 元 member price: crosses the milestone
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
    const milestone = gifts.claimable.find((gift) => gift.source === 'MILESTONE')!;
    expect(milestone).toBeDefined();
    await t.http
      .post('/api/me/gift-packs/claim')
      .set(await t.customer(name))
      .send({
        source: 'MILESTONE',
        termId: milestone.termId,
        milestoneId: milestone.milestoneId,
        giftPackId: milestone.options[0].id,
        addressId: await addressOf(name),
      })
      .expect(201);
    expect((await refund('admin', order.id, {})).status).toBe(201);
    const alerts = (
      await t.http
        .get('/api/admin/alerts')
        .set(await t.staff('operator'))
        .expect(200)
    ).body;
    expect(items(alerts)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'MILESTONE_SPEND_DROPPED', orderId: order.id })]),
    );
  });

  it('identical lines are merged before the 99-per-line cap', async () => {
    const name = 'mc-line-cap';
    const lines = Array.from({ length: 50 }, () => ({ skuId: product.skuId, quantity: 99 }));
    const res = await t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({ items: lines, addressId: await addressOf(name) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('QUANTITY_LIMIT');
  });

  it('after a partial refund the quote no longer offers a full refund, and the admin order view lists the refund', async () => {
    const name = 'mc-quote-after-partial';
    const order = await paidProducts(name, 1);
    expect((await refund('admin', order.id, { amountFen: 1000 })).status).toBe(201);
    const quote = (
      await t.http
        .get(`/api/admin/orders/${order.id}/refund-quote`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as RefundQuote;
    expect(quote.fullRefundAllowed).toBe(false);
    expect(quote.rule).not.toContain('全额');
    const view = (
      await t.http
        .get(`/api/admin/orders/${order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(view).toMatchObject({
      refundedFen: 1000,
      refunds: [expect.objectContaining({ amountFen: 1000, status: 'SUCCESS' })],
    });
  });

  it('a second welcome claim answers GIFT_ALREADY_CLAIMED', async () => {
    const name = 'mc-welcome-twice';
    await paidTier(name, annual().id);
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
    const welcome = gifts.claimable.find((gift) => gift.source === 'WELCOME')!;
    const claim = {
      source: 'WELCOME',
      termId: welcome.termId,
      giftPackId: welcome.options[0].id,
      addressId: await addressOf(name),
    };
    await t.http
      .post('/api/me/gift-packs/claim')
      .set(await t.customer(name))
      .send(claim)
      .expect(201);
    const again = await t.http
      .post('/api/me/gift-packs/claim')
      .set(await t.customer(name))
      .send(claim);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('GIFT_ALREADY_CLAIMED');
  });
});

describe('cancel closes the prepay at WeChat (live gateway against the fake WeChat server)', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('live'));
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  it('a cancelled order cannot be paid afterwards', async () => {
    const annual = await shopFixtures(t).tier('MC_LIVE_ANNUAL');
    const auth = await t.customer('mc-live-cancel');
    const bought = (await t.http.post('/api/orders/membership').set(auth).send({ tierId: annual.id }).expect(201))
      .body as CreateOrderResponse;
    await t.http.post(`/api/orders/${bought.order.id}/cancel`).set(auth).expect(200);
    await expect(pay.confirmWithoutNotify(bought.order.outTradeNo)).rejects.toThrow();
  });
});
