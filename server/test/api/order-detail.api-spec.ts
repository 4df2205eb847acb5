import type {
  AddressView,
  AdminOrderView,
  CreateOrderResponse,
  OrderActionView,
  Page,
  RefundView,
  TierView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/** Issue #21 / #17: the order detail explains the money step by step, and the server says what staff may do next. */
describe('order detail for staff', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let tier: TierView;
  let skuId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const shop = shopFixtures(t);
    const packGoods = await shop.product('OD-PACK-OIL', 30_000, { title: '订单详情测试 礼包油' });
    const packId = await shop.giftPack('订单详情测试礼包', [{ skuId: packGoods.skuId, quantity: 1 }], 30_000);
    const made = await shop.tier('OD-YEAR', { priceFen: 99_900, defaultDiscountBp: 1_000, giftPackIds: [packId] });
    tier = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find((x) => x.id === made.id)!;
    const admin = await t.staff('admin');
    skuId = (
      await t.http
        .post('/api/admin/products')
        .set(admin)
        .send({
          title: '订单详情测试 茶叶',
          category: '测试',
          onSale: true,
          skus: [{ code: 'OD-TEA', name: '1 盒', listPriceFen: 56_400, stock: 10_000 }],
        })
        .expect(201)
    ).body.skus[0].id as number;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    const body = {
      name: '王五',
      phone: '13700137000',
      province: '江苏省',
      city: '南京市',
      district: '鼓楼区',
      detail: '中山路 1 号',
    };
    return ((await t.http.post('/api/me/addresses').set(auth).send(body).expect(201)).body as AddressView).id;
  };
  const order = async (name: string, quantity = 1) =>
    (
      await t.http
        .post('/api/orders')
        .set(await t.customer(name))
        .send({ items: [{ skuId, quantity }], addressId: await addressOf(name) })
        .expect(201)
    ).body as CreateOrderResponse;
  const paidOrder = async (name: string, quantity = 1) => {
    const created = await order(name, quantity);
    expect(await pay.confirm(created.order.outTradeNo)).toBe(204);
    return created.order;
  };
  const joinTier = async (name: string) => {
    const created = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: tier.id, giftPackId: tier.giftPacks[0].id, addressId: await addressOf(name) })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(created.order.outTradeNo)).toBe(204);
    return created.order;
  };
  const detail = async (id: number) =>
    (
      await t.http
        .get(`/api/admin/orders/${id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
  const actions = async (id: number) =>
    Object.fromEntries(
      ((await detail(id)).nextActions ?? []).map((a: OrderActionView) => [a.action, a.blockedReason ?? null]),
    );
  const refund = async (id: number, amountFen?: number, role: 'admin' | 'operator' = 'admin') =>
    t.http
      .post(`/api/admin/orders/${id}/refunds`)
      .set(await t.staff(role))
      .send({ reason: '测试退款', ...(amountFen ? { amountFen } : {}) });

  it('a member-priced order shows list price, member savings, shipping and coupon that add up to what was paid', async () => {
    await joinTier('od-money');
    const paid = await paidOrder('od-money', 2);
    const view = await detail(paid.id);
    const m = view.money;
    expect(m.goodsListFen).toBe(112_800);
    expect(m.memberSavingsFen).toBeGreaterThan(0);
    expect(m.goodsListFen - m.memberSavingsFen - m.waivedFen).toBe(m.goodsFen);
    expect(m.goodsFen + m.shippingFen - m.couponDiscountFen).toBe(m.totalFen);
    expect(m).toMatchObject({
      totalFen: view.totalFen,
      paidFen: view.totalFen,
      refundedFen: 0,
      netPaidFen: view.totalFen,
    });
    expect(view.lines[0]).toMatchObject({ unitListPriceFen: 56_400, quantity: 2 });
    expect(view.lines[0].unitPriceFen).toBeLessThan(56_400);
  });

  it('refunds and refund requests waiting for approval appear in the money breakdown', async () => {
    const paid = await paidOrder('od-refunds', 5);
    const partial = (await refund(paid.id, 10_000)).body as RefundView;
    expect(partial.status).toBe('PROCESSING');
    expect((await detail(paid.id)).money).toMatchObject({ refundingFen: 10_000, refundedFen: 0 });
    expect(await pay.completeRefund(partial.outRefundNo)).toBe(204);
    const asked = await refund(paid.id, 250_000, 'operator');
    expect(asked.status).toBe(202);
    const view = await detail(paid.id);
    expect(view.money).toMatchObject({
      refundedFen: 10_000,
      refundingFen: 0,
      pendingRequestFen: 250_000,
      netPaidFen: view.totalFen - 10_000,
    });
    expect(view.refunds[0]).toMatchObject({ amountFen: 10_000, status: 'SUCCESS', reason: '测试退款' });
    expect(await actions(paid.id)).toEqual({ SHIP: null, REFUND: expect.stringMatching(/待审批/) });
  });

  it('next actions follow the order: unpaid none; paid ship and refund; refunding only a blocked refund; shipped refund; refunded none', async () => {
    const unpaid = await order('od-states');
    expect(await actions(unpaid.order.id)).toEqual({});

    const paid = await paidOrder('od-states');
    expect(await actions(paid.id)).toEqual({ SHIP: null, REFUND: null });

    const started = (await refund(paid.id, 1_000)).body as RefundView;
    expect((await detail(paid.id)).status).toBe('REFUNDING');
    expect(await actions(paid.id)).toEqual({ REFUND: expect.stringMatching(/尚未结束/) });
    expect(await pay.completeRefund(started.outRefundNo)).toBe(204);

    await t.http
      .post(`/api/admin/orders/${paid.id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF1234567890' })
      .expect(201);
    expect(await actions(paid.id)).toEqual({ REFUND: null });

    // WeChat takes one refund of an order a minute: a full refund of another order reaches REFUNDED now.
    const other = await paidOrder('od-states');
    const whole = (await refund(other.id)).body as RefundView;
    expect(await pay.completeRefund(whole.outRefundNo)).toBe(204);
    const refunded = await detail(other.id);
    expect(refunded.status).toBe('REFUNDED');
    expect(refunded.nextActions).toEqual([]);
    expect(refunded.money.netPaidFen).toBe(0);
  });

  it('a membership fee is refunded, never shipped; its welcome gift is shipped or cancelled, never refunded', async () => {
    const fee = await joinTier('od-member');
    expect(Object.keys(await actions(fee.id))).toEqual(['REFUND']);
    const gifts = (
      await t.http
        .get('/api/admin/orders')
        .query({ kind: 'GIFT', q: 'od-member' })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AdminOrderView>;
    expect(gifts.items).toHaveLength(1);
    const gift = gifts.items[0];
    expect(gift.money).toMatchObject({ totalFen: 0, paidFen: 0, goodsFen: 0, waivedFen: gift.listTotalFen });
    expect(gift.nextActions).toBeUndefined();
    expect(await actions(gift.id)).toEqual({ SHIP: null, CANCEL_GIFT: null });
  });
});
