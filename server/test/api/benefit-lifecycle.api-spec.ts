import { DataSource } from 'typeorm';
import type { OrderView, RefundQuote, StaffAlertView } from '@member-commerce/shared';
import { GiftPack } from '../../src/catalog/gift-pack.entity';
import { MembershipTerm } from '../../src/membership/membership-term.entity';
import { Membership } from '../../src/membership/membership.entity';
import { GiftOrders } from '../../src/milestones/gift-orders';
import { PACK_RELATIONS } from '../../src/milestones/gift-claims.service';
import { benefitFixtures, BenefitFixtures } from '../support/benefit-fixtures';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

/**
 * Issue #16 "Every promise keeps its lifecycle: no benefit outlives what paid for it" (refunds, revokes and
 * coupons; deletions and stock of benefits and packs; savings and prices). Clock-moving rules are in
 * benefit-lifecycle-time.api-spec.ts.
 */
describe('benefit lifecycle', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let f: BenefitFixtures;
  /** ¥40 member price of a ¥50 tea (20 % off), free shipping, a ¥10-off-¥30 coupon every month, a pack of 4 × rice. */
  let fullTier: number;
  let tea: number;
  let rice: number;
  let ricePack: number;
  const RICE_PACK_VALUE = 163_300;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    f = benefitFixtures(t, pay);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('admin'))
      .send({ flatFeeFen: 1_000, freeAboveFen: null })
      .expect(200);
    tea = await f.product('BL-TEA', 5_000);
    rice = await f.product('BL-RICE-10KG', 8_000, 100);
    ricePack = await f.pack('BL 大米礼包', [{ skuId: rice, quantity: 4 }], RICE_PACK_VALUE);
    const coupon = await f.benefit({
      type: 'COUPON',
      title: '每月满30减10',
      config: { amountFen: 1_000, thresholdFen: 3_000, validDays: 30, perMonth: true, quantity: 1 },
    });
    const freeShipping = await f.benefit({ type: 'FREE_SHIPPING', title: '会员包邮' });
    fullTier = await f.tier('BL-FULL', {
      defaultDiscountBp: 2_000,
      benefitIds: [coupon, freeShipping],
      giftPackIds: [ricePack],
      giftPackChoices: 1,
    });
  }, 300_000); // boots, migrates and seeds a fresh database: slow on a shared, loaded machine
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const oneTea = () => [{ skuId: tea, quantity: 1 }];
  const membership = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as { status: string; benefitsSuspended?: boolean };
  const alerts = async () =>
    (
      await t.http
        .get('/api/admin/alerts')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as StaffAlertView[];

  describe('item 1: a refund that will end a term suspends its benefits', () => {
    it('a full refund suspends the term the moment it starts: no member price, free shipping, coupon or gift claim', async () => {
      const name = 'bl-suspended';
      const order = await f.join(name, fullTier);
      const [coupon] = await f.coupons(name);
      expect(await f.quoted(name, oneTea())).toMatchObject({ goodsFen: 4_000, shippingFen: 0 });
      const quote = (
        await t.http
          .get(`/api/admin/orders/${order.id}/refund-quote`)
          .set(await t.staff('admin'))
          .expect(200)
      ).body as RefundQuote;
      expect(quote).toMatchObject({ fullRefundAllowed: true, refundableFen: 50_000 });

      const outRefundNo = await f.startRefund(order.id);

      expect(await membership(name)).toMatchObject({ status: 'ACTIVE', benefitsSuspended: true });
      expect(await f.quoted(name, oneTea())).toMatchObject({ goodsFen: 5_000, shippingFen: 1_000 });
      const withCoupon = await f.quote(name, oneTea(), coupon.id);
      expect(withCoupon.status).toBe(409);
      expect(withCoupon.body.code).toBe('COUPON_NOT_APPLICABLE');
      const gifts = await f.gifts(name);
      expect(gifts.claimable).toEqual([]);
      const terms = await t.app.get(DataSource).manager.findBy(MembershipTerm, { orderId: order.id });
      const claim = await t.http
        .post('/api/me/gift-packs/claim')
        .set(await t.customer(name))
        .send({ source: 'WELCOME', termId: terms[0].id, giftPackId: ricePack });
      expect(claim.status).toBe(409);
      const catalogue = (
        await t.http
          .get('/api/products')
          .query({ q: '测试商品 BL-TEA' })
          .set(await t.customer(name))
          .expect(200)
      ).body;
      const sku = catalogue.items
        .flatMap((p: { skus: { id: number; priceFen: number }[] }) => p.skus)
        .find((s: { id: number }) => s.id === tea);
      expect(sku.priceFen).toBe(5_000);

      expect(await pay.completeRefund(outRefundNo)).toBe(204);
      expect((await membership(name)).status).toBe('REVOKED');
    });

    it('a full refund waiting for approval suspends the term too; rejected, the benefits come back', async () => {
      const name = 'bl-awaiting-approval';
      const dearTier = await f.tier('BL-DEAR', { priceFen: 300_000, defaultDiscountBp: 2_000, benefitIds: [] });
      const order = await f.join(name, dearTier);
      const asked = await t.http
        .post(`/api/admin/orders/${order.id}/refunds`)
        .set(await t.staff('operator'))
        .send({ reason: '会员申请退款' })
        .expect(202);
      expect((await f.quoted(name, oneTea())).goodsFen).toBe(5_000);
      expect(await membership(name)).toMatchObject({ status: 'ACTIVE', benefitsSuspended: true });
      await t.http
        .post(`/api/admin/refund-requests/${asked.body.request.id}/reject`)
        .set(await t.staff('finance'))
        .send({ note: '不符合退款条件' })
        .expect(201);
      expect((await f.quoted(name, oneTea())).goodsFen).toBe(4_000);
    });

    it('a member-priced order made before the refund started is not honoured when paid while the refund processes', async () => {
      const name = 'bl-paid-during-refund';
      const membershipOrder = await f.join(name, fullTier);
      const created = (await f.order(name, oneTea())).body as { order: OrderView };
      expect(created.order.totalFen).toBe(4_000);
      await f.startRefund(membershipOrder.id);
      await pay.confirm(created.order.outTradeNo);
      expect((await f.order_(created.order.id, name)).status).not.toBe('PAID');
      const flagged = (
        await t.http
          .get('/api/admin/payments/flagged')
          .set(await t.staff('admin'))
          .expect(200)
      ).body;
      expect((flagged.items ?? flagged).find((p: { orderId: number }) => p.orderId === created.order.id)).toMatchObject(
        { status: 'FLAGGED', flagReason: expect.stringContaining('being refunded') },
      );
    });

    it('a benefit used while the refund was processing is flagged to staff when the refund completes', async () => {
      const name = 'bl-slipped';
      const order = await f.join(name, fullTier);
      const outRefundNo = await f.startRefund(order.id);
      // A claim that raced the refund's start (written straight through the gift service, as the race would).
      const manager = t.app.get(DataSource).manager;
      const term = await manager.findOneByOrFail(MembershipTerm, { orderId: order.id });
      const pack = await manager.findOneOrFail(GiftPack, { where: { id: ricePack }, relations: PACK_RELATIONS });
      const { customerId } = await manager.findOneByOrFail(Membership, { id: term.membershipId });
      await manager.transaction((tx) =>
        t.app
          .get(GiftOrders)
          .create(tx, { customerId, termId: term.id, source: 'WELCOME', pack, address: null, now: t.clock.now() }),
      );
      const view = (
        await t.http
          .get(`/api/orders/${order.id}`)
          .set(await t.customer(name))
          .expect(200)
      ).body as OrderView;
      expect(view.status).toBe('REFUNDING');
      expect(await pay.completeRefund(outRefundNo)).toBe(204);
      const alert = (await alerts()).find((a) => a.kind === 'REFUND_BENEFITS_USED' && a.orderId === order.id);
      expect(alert).toBeDefined();
      expect(alert!.details).toMatchObject({ usedSinceQuoteFen: RICE_PACK_VALUE });
    });
  });

  describe('item 2: coupons die with the term that issued them', () => {
    it("a staff revoke voids the term's coupons and checkout refuses them", async () => {
      const name = 'bl-revoked-coupons';
      await f.join(name, fullTier);
      const [coupon] = await f.coupons(name);
      await t.http
        .post(`/api/admin/members/${await f.membershipId(name)}/revoke`)
        .set(await t.staff('admin'))
        .send({ reason: '违规转售' })
        .expect(201);
      expect((await f.coupons(name)).map((c) => c.status)).toEqual(['VOID']);
      const refused = await f.quote(name, oneTea(), coupon.id);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('COUPON_NOT_APPLICABLE');
    });

    it("a full refund voids the refunded term's coupons, and a new term does not revive them", async () => {
      const name = 'bl-refunded-coupons';
      const order = await f.join(name, fullTier);
      const [coupon] = await f.coupons(name);
      expect(await pay.completeRefund(await f.startRefund(order.id))).toBe(204);
      expect((await f.coupons(name)).find((c) => c.id === coupon.id)!.status).toBe('VOID');
      await f.join(name, fullTier);
      const refused = await f.quote(name, oneTea(), coupon.id);
      expect(refused.status).toBe(409);
    });
  });

  describe('item 8: gift packs take the stock of their SKUs', () => {
    it('a welcome claim reserves the SKUs of its pack, and a cancelled gift gives them back', async () => {
      const name = 'bl-rice-claim';
      const stock = await f.skuStock(rice);
      await f.join(name, fullTier);
      const gift = await f.claimWelcome(name, ricePack);
      expect(await f.skuStock(rice)).toBe(stock - 4);
      await t.http
        .post(`/api/admin/gift-orders/${gift.id}/cancel`)
        .set(await t.staff('admin'))
        .send({ reason: '会员要求取消' })
        .expect(201);
      expect(await f.skuStock(rice)).toBe(stock);
    });

    it('a pack chosen at membership checkout reserves its SKUs with the order; closing the unpaid order gives them back', async () => {
      const name = 'bl-rice-checkout';
      const stock = await f.skuStock(rice);
      const bought = (
        await t.http
          .post('/api/orders/membership')
          .set(await t.customer(name))
          .send({ tierId: fullTier, giftPackId: ricePack })
          .expect(201)
      ).body;
      expect(await f.skuStock(rice)).toBe(stock - 4);
      await t.http
        .post(`/api/orders/${bought.order.id}/cancel`)
        .set(await t.customer(name))
        .expect(200);
      expect(await f.skuStock(rice)).toBe(stock);
    });

    it('a pack whose SKUs are sold out cannot be claimed', async () => {
      const name = 'bl-rice-sold-out';
      const scarce = await f.product('BL-SCARCE', 1_000, 3);
      const pack = await f.pack('BL 稀缺礼包', [{ skuId: scarce, quantity: 4 }], 10_000);
      const tier = await f.tier('BL-SCARCE', { giftPackIds: [pack], giftPackChoices: 1 });
      await f.join(name, tier);
      const welcome = (await f.gifts(name)).claimable[0];
      await f.addressOf(name);
      const res = await t.http
        .post('/api/me/gift-packs/claim')
        .set(await t.customer(name))
        .send({ source: 'WELCOME', termId: welcome.termId, giftPackId: pack });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('OUT_OF_STOCK');
      expect(await f.skuStock(scarce)).toBe(3);
    });
  });

  describe('item 13: member savings have one definition', () => {
    it('gift orders carry no member savings in the storefront or the admin', async () => {
      const name = 'bl-gift-savings';
      await f.join(name, fullTier);
      const gift = await f.claimWelcome(name, ricePack);
      expect(gift.savingsFen).toBe(0);
      const mine = (
        await t.http
          .get('/api/orders')
          .set(await t.customer(name))
          .expect(200)
      ).body.items as OrderView[];
      expect(mine.find((o) => o.id === gift.id)!.savingsFen).toBe(0);
      const staffView = (
        await t.http
          .get(`/api/admin/orders/${gift.id}`)
          .set(await t.staff('admin'))
          .expect(200)
      ).body;
      expect(staffView.savingsFen ?? staffView.order?.savingsFen).toBe(0);
      const paid = (await f.order(name, oneTea())).body as { order: OrderView };
      await pay.confirm(paid.order.outTradeNo);
      const me = (
        await t.http
          .get('/api/me/membership')
          .set(await t.customer(name))
          .expect(200)
      ).body;
      const orders = (
        await t.http
          .get('/api/orders')
          .set(await t.customer(name))
          .expect(200)
      ).body.items as OrderView[];
      expect(
        orders.filter((o) => ['PAID', 'SHIPPED', 'COMPLETED'].includes(o.status)).reduce((n, o) => n + o.savingsFen, 0),
      ).toBe(me.savingsFen);
    });
  });
});
