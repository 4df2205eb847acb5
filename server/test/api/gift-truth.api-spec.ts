import {
  BenefitType,
  type AddressView,
  type CreateOrderResponse,
  type GiftPackView,
  type MyGiftPacksView,
  type OrderView,
  type RefundQuote,
  type TierView,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures, type SkuFixture } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

describe('gift page truth, gift cancel and pack value', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let annual: TierView;
  let black: TierView;
  /** 600 元 list, 498 元 to annual members. */
  let tea: SkuFixture;
  const teaMemberFen = 49_800;
  /** The milestones: 5000 元 and 10000 元 of spend. */
  const milestones = [500_000, 1_000_000];
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const shop = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    const onSale = async (id: number) =>
      ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find((tier) => tier.id === id)!;
    const packOf = async (code: string, listPriceFen: number, quantity: number) => {
      const product = await shop.product(code, listPriceFen);
      return shop.giftPack(`${code} 礼包`, [{ skuId: product.skuId, quantity }], listPriceFen * quantity);
    };
    const welcomePacks = [
      await packOf('GT-RICE', 3_000, 5),
      await packOf('GT-OIL', 8_000, 2),
      await packOf('GT-NUT', 5_000, 3),
    ];
    annual = await onSale((await shop.tier('GT_ANNUAL', { priceFen: 100_000, giftPackIds: welcomePacks })).id);
    tea = await shop.product('GT-TEA', 60_000, { memberPrices: { [annual.id]: teaMemberFen } });
    for (const threshold of milestones)
      await shop.milestone(threshold, `消费满 ${threshold / 100} 元`, await packOf(`GT-M${threshold}`, 10_000, 1));
    const service = await shop.benefit(BenefitType.SERVICE, '专属客服', {
      phone: '400-800-0000',
      wechatId: 'gt-vip-service',
    });
    black = await onSale((await shop.tier('GT_BLACK', { priceFen: 300_000, benefitIds: [service] })).id);
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const gifts = async (name: string) =>
    (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyGiftPacksView;
  const join = async (name: string, giftPackId?: number) => {
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: annual.id, giftPackId })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(bought.order.outTradeNo);
    return bought.order;
  };
  const spend = async (name: string, skuId: number, quantity: number) => {
    const auth = await t.customer(name);
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '王五',
          phone: '13700137000',
          province: '广东省',
          city: '深圳市',
          district: '南山区',
          detail: '科技园 8 号',
        })
        .expect(201)
    ).body as AddressView;
    const created = (
      await t.http
        .post('/api/orders')
        .set(auth)
        .send({ items: [{ skuId, quantity }], addressId: address.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(created.order.outTradeNo);
  };
  const packStock = async (id: number) =>
    (
      (
        await t.http
          .get(`/api/admin/gift-packs/${id}`)
          .set(await t.staff('admin'))
          .expect(200)
      ).body as GiftPackView
    ).stock;

  it('a non-member sees every milestone locked and no welcome gift', async () => {
    const view = await gifts('gt-guest');
    expect(view).toMatchObject({ member: false, spendFen: 0, welcome: null, claimable: [] });
    expect(view.milestones.length).toBeGreaterThan(0);
    expect(view.milestones.every((m) => m.status === 'LOCKED' && m.remainingFen === m.thresholdFen)).toBe(true);
  });

  it('a member sees the welcome gift claimed, milestones locked with progress, then claimable and claimed', async () => {
    const name = 'gt-member';
    await join(name, annual.giftPacks[0].id);
    let view = await gifts(name);
    expect(view.member).toBe(true);
    expect(view.welcome).toMatchObject({
      status: 'CLAIMED',
      orderId: view.orders[0].id,
      giftPack: { id: annual.giftPacks[0].id },
    });
    expect(view.milestones[0]).toMatchObject({
      status: 'LOCKED',
      thresholdFen: milestones[0],
      remainingFen: milestones[0],
    });

    await spend(name, tea.skuId, 11); // 11 × 498 元 member price = 5478 元
    view = await gifts(name);
    expect(view.spendFen).toBe(11 * teaMemberFen);
    const first = view.milestones[0];
    expect(first).toMatchObject({ status: 'CLAIMABLE', remainingFen: 0 });
    expect(view.milestones[1]).toMatchObject({ status: 'LOCKED', remainingFen: milestones[1] - 11 * teaMemberFen });

    const claimed = (
      await t.http
        .post('/api/me/gift-packs/claim')
        .set(await t.customer(name))
        .send({
          source: 'MILESTONE',
          termId: view.claimable[0].termId,
          milestoneId: first.milestoneId,
          giftPackId: first.giftPack!.id,
        })
        .expect(201)
    ).body as OrderView;
    expect((await gifts(name)).milestones[0]).toMatchObject({ status: 'CLAIMED', orderId: claimed.id });
  });

  it('staff cancel an unshipped gift order: the pack is back in stock and the refund quote no longer deducts it', async () => {
    const name = 'gt-cancel';
    const pack = annual.giftPacks[1];
    const membership = await join(name, pack.id);
    const giftOrder = (await gifts(name)).orders[0];
    const stockAfterClaim = await packStock(pack.id);
    const finance = await t.staff('finance');
    const quote = async () =>
      (await t.http.get(`/api/admin/orders/${membership.id}/refund-quote`).set(finance).expect(200))
        .body as RefundQuote;
    expect((await quote()).giftValueUsedFen).toBe(pack.valueFen);

    await t.http
      .post(`/api/admin/gift-orders/${giftOrder.id}/cancel`)
      .set(await t.staff('operator'))
      .send({})
      .expect(400);
    const cancelled = (
      await t.http
        .post(`/api/admin/gift-orders/${giftOrder.id}/cancel`)
        .set(await t.staff('operator'))
        .send({ reason: '会员要求更换礼包' })
        .expect(201)
    ).body as OrderView;
    expect(cancelled.status).toBe('CLOSED');
    expect(await packStock(pack.id)).toBe(stockAfterClaim + 1);
    expect(await quote()).toMatchObject({ giftValueUsedFen: 0, refundableFen: annual.priceFen });
    expect((await gifts(name)).welcome).toMatchObject({ status: 'CLAIMABLE' });
    const audit = JSON.stringify(
      (
        await t.http
          .get('/api/admin/audit-logs?pageSize=100')
          .set(await t.staff('admin'))
          .expect(200)
      ).body,
    );
    expect(audit).toContain('order.cancel-gift');

    const again = await t.http
      .post(`/api/admin/gift-orders/${giftOrder.id}/cancel`)
      .set(await t.staff('operator'))
      .send({ reason: '再取消一次' })
      .expect(409);
    expect(again.body.code).toBe('GIFT_ORDER_NOT_CANCELLABLE');
  });

  it('only unshipped gift orders can be cancelled; paid orders are refunded instead', async () => {
    const name = 'gt-shipped';
    await t.http
      .post('/api/me/addresses')
      .set(await t.customer(name))
      .send({
        name: '赵六',
        phone: '13600136000',
        province: '北京市',
        city: '北京市',
        district: '朝阳区',
        detail: '建国路 1 号',
      })
      .expect(201);
    const membership = await join(name, annual.giftPacks[2].id);
    const giftOrder = (await gifts(name)).orders[0];
    await t.http
      .post(`/api/admin/orders/${giftOrder.id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF3000000001' })
      .expect(201);
    const operator = await t.staff('operator');
    expect(
      (
        await t.http
          .post(`/api/admin/gift-orders/${giftOrder.id}/cancel`)
          .set(operator)
          .send({ reason: '已发货还想取消' })
          .expect(409)
      ).body.code,
    ).toBe('GIFT_ORDER_NOT_CANCELLABLE');
    expect(
      (
        await t.http
          .post(`/api/admin/gift-orders/${membership.id}/cancel`)
          .set(operator)
          .send({ reason: '会费订单不能取消' })
          .expect(409)
      ).body.code,
    ).toBe('GIFT_ORDER_NOT_CANCELLABLE');
  });

  it("staff see what a pack's contents are worth next to its declared value", async () => {
    const operator = await t.staff('operator');
    const created = (
      await t.http
        .post('/api/admin/gift-packs')
        .set(operator)
        .send({ name: '虚标礼包', valueFen: 99_900, stock: 3, items: [{ skuId: tea.skuId, quantity: 2 }] })
        .expect(201)
    ).body as GiftPackView;
    expect(created).toMatchObject({ valueFen: 99_900, contentsValueFen: tea.listPriceFen * 2 });
    const listed = (await t.http.get('/api/admin/gift-packs').set(operator).expect(200)).body as GiftPackView[];
    // The welcome packs above were declared at what they hold.
    expect(
      listed
        .filter((pack) => annual.giftPacks.some((welcome) => welcome.id === pack.id))
        .map((pack) => pack.contentsValueFen),
    ).toEqual(annual.giftPacks.map((pack) => pack.valueFen));
  });

  it('the exclusive service contact is given only to members whose term holds the SERVICE benefit', async () => {
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('gt-black'))
        .send({ tierId: black.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(bought.order.outTradeNo);
    const contact = (
      await t.http
        .get('/api/me/service-contact')
        .set(await t.customer('gt-black'))
        .expect(200)
    ).body;
    expect(contact.contact).toMatchObject({
      title: '专属客服',
      phone: '400-800-0000',
      wechatId: 'gt-vip-service',
    });
    await join('gt-annual');
    expect(
      (
        await t.http
          .get('/api/me/service-contact')
          .set(await t.customer('gt-annual'))
          .expect(200)
      ).body,
    ).toEqual({ contact: null });
    expect(
      (
        await t.http
          .get('/api/me/service-contact')
          .set(await t.customer('gt-nobody'))
          .expect(200)
      ).body,
    ).toEqual({ contact: null });
  });
});
