import type { OrderView } from '@member-commerce/shared';
import { CouponIssuerJob } from '../../src/coupons/coupon-issuer.job';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { benefitFixtures, BenefitFixtures } from '../support/benefit-fixtures';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;

/**
 * Issue #16, the rows behind promises: benefits, packs and milestones get the tier's lifecycle; grants mint no
 * coupons; member prices end at one resolution; prices stay ≥ 1 fen and never above list; a welcome gift
 * survives a carry-over. Tests here move the clock forward, so they run in their own app.
 */
describe('benefit lifecycle: rows, grants, prices and time', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let f: BenefitFixtures;
  let tea: number;
  let oat: number;
  let oatPack: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    f = benefitFixtures(t, pay);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('admin'))
      .send({ flatFeeFen: 1_000, freeAboveFen: null })
      .expect(200);
    tea = await f.product('BR-TEA', 5_000);
    oat = await f.product('BR-OAT', 2_000);
    oatPack = await f.pack('BR 燕麦礼包', [{ skuId: oat, quantity: 2 }], 6_000);
  }, 300_000); // boots, migrates and seeds a fresh database: slow on a shared, loaded machine
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const oneTea = () => [{ skuId: tea, quantity: 1 }];
  const admin = () => t.staff('admin');

  describe('item 7: benefits, gift packs and milestones are archived, never deleted while in use', () => {
    it('a benefit a sold term holds cannot be deleted; archived, it keeps serving that term and no new tier may take it', async () => {
      const shipping = await f.benefit({ type: 'FREE_SHIPPING', title: '年卡包邮' });
      const tier = await f.tier('BR-SHIP', { benefitIds: [shipping] });
      await f.join('br-shipping', tier);
      expect((await f.quoted('br-shipping', oneTea())).shippingFen).toBe(0);

      const refused = await t.http.delete(`/api/admin/benefits/${shipping}`).set(await admin());
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('BENEFIT_IN_USE');
      const archived = await t.http
        .patch(`/api/admin/benefits/${shipping}`)
        .set(await admin())
        .send({ status: 'ARCHIVED' })
        .expect(200);
      expect(archived.body.status).toBe('ARCHIVED');
      await t.http
        .patch(`/api/admin/tiers/${tier}`)
        .set(await admin())
        .send({ benefitIds: [] })
        .expect(200);
      expect((await f.quoted('br-shipping', oneTea())).shippingFen).toBe(0);

      const taken = await t.http
        .post('/api/admin/tiers')
        .set(await admin())
        .send({ code: 'BR-LATE', name: 'BR-LATE', priceFen: 10_000, termMonths: 12, benefitIds: [shipping] });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('BENEFIT_ARCHIVED');
    });

    it('a draft benefit that nothing uses can be deleted', async () => {
      const draft = (
        await t.http
          .post('/api/admin/benefits')
          .set(await admin())
          .send({ type: 'MEMBER_PRICE', title: '草稿权益', status: 'DRAFT' })
          .expect(201)
      ).body;
      expect(draft.status).toBe('DRAFT');
      await t.http
        .delete(`/api/admin/benefits/${draft.id}`)
        .set(await admin())
        .expect(204);
    });

    it('an archived gift pack is offered to no new buyer, but a term that bought it may still claim it', async () => {
      const tier = await f.tier('BR-PACK', { giftPackIds: [oatPack], giftPackChoices: 1 });
      await f.join('br-pack-holder', tier);
      const archived = await t.http
        .patch(`/api/admin/gift-packs/${oatPack}`)
        .set(await admin())
        .send({ status: 'ARCHIVED' })
        .expect(200);
      expect(archived.body.status).toBe('ARCHIVED');
      const newBuyer = await t.http
        .post('/api/orders/membership')
        .set(await t.customer('br-pack-late'))
        .send({ tierId: tier, giftPackId: oatPack });
      expect(newBuyer.status).toBe(409);
      expect(newBuyer.body.code).toBe('GIFT_PACK_ARCHIVED');
      const gift = await f.claimWelcome('br-pack-holder', oatPack);
      expect(gift.giftPackId).toBe(oatPack);
      const attach = await t.http
        .post('/api/admin/tiers')
        .set(await admin())
        .send({ code: 'BR-PACK2', name: 'BR-PACK2', priceFen: 10_000, termMonths: 12, giftPackIds: [oatPack] });
      expect(attach.status).toBe(409);
      expect(attach.body.code).toBe('GIFT_PACK_ARCHIVED');
    });

    it('a milestone whose reward was claimed cannot be deleted; archived, the claim stays visible', async () => {
      const pack = await f.pack('BR 里程碑礼包', [{ skuId: oat, quantity: 1 }], 2_000);
      const milestone = (
        await t.http
          .post('/api/admin/milestones')
          .set(await admin())
          .send({ thresholdFen: 3_100, title: '消费满31元', giftPackId: pack })
          .expect(201)
      ).body;
      const tier = await f.tier('BR-MILE', {});
      const name = 'br-milestone';
      await f.join(name, tier);
      const paid = (await f.order(name, oneTea())).body as { order: OrderView };
      expect(await pay.confirm(paid.order.outTradeNo)).toBe(204);
      const reward = (await f.gifts(name)).claimable.find((gift) => gift.milestoneId === milestone.id)!;
      await t.http
        .post('/api/me/gift-packs/claim')
        .set(await t.customer(name))
        .send({ source: 'MILESTONE', termId: reward.termId, milestoneId: milestone.id, giftPackId: pack })
        .expect(201);

      const refused = await t.http.delete(`/api/admin/milestones/${milestone.id}`).set(await admin());
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('MILESTONE_IN_USE');
      await t.http
        .patch(`/api/admin/milestones/${milestone.id}`)
        .set(await admin())
        .send({ status: 'ARCHIVED' })
        .expect(200);
      expect((await f.gifts(name)).milestones.find((m) => m.milestoneId === milestone.id)).toMatchObject({
        status: 'CLAIMED',
      });
      t.clock.advance(60_000);
      const fresh = await f.tier('BR-MILE2', {});
      await f.join('br-milestone-late', fresh);
      const late = (await f.order('br-milestone-late', oneTea())).body as { order: OrderView };
      await pay.confirm(late.order.outTradeNo);
      expect(
        (await f.gifts('br-milestone-late')).claimable.find((gift) => gift.milestoneId === milestone.id),
      ).toBeUndefined();
    });
  });

  describe('item 12: member prices are at least 1 fen and never above the list price', () => {
    it('a tier default discount of 100 % is refused, and any discount leaves at least 1 fen', async () => {
      const full = await t.http
        .post('/api/admin/tiers')
        .set(await admin())
        .send({ code: 'BR-FREE', name: 'BR-FREE', priceFen: 10_000, termMonths: 12, defaultDiscountBp: 10_000 });
      expect(full.status).toBe(400);
      const penny = await f.product('BR-PENNY', 100);
      const tier = await f.tier('BR-9999', { defaultDiscountBp: 9_999 });
      await f.join('br-penny', tier);
      expect((await f.quoted('br-penny', [{ skuId: penny, quantity: 1 }])).goodsFen).toBe(1);
    });

    it('lowering a list price below a member price is refused with the tiers named, and with clampMemberPrices the member prices come down too', async () => {
      const tier = await f.tier('BR-PRICED', {});
      const sku = await f.product('BR-PRICED-SKU', 10_000);
      await t.http
        .put(`/api/admin/skus/${sku}/member-prices`)
        .set(await admin())
        .send({ prices: [{ tierId: tier, priceFen: 8_000 }] })
        .expect(200);
      const refused = await t.http
        .patch(`/api/admin/skus/${sku}`)
        .set(await admin())
        .send({ listPriceFen: 6_000 });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'MEMBER_PRICE_ABOVE_LIST',
        details: { tiers: [expect.objectContaining({ tierId: tier, priceFen: 8_000 })] },
      });
      expect((await f.adminSku(sku)).listPriceFen).toBe(10_000);
      await t.http
        .patch(`/api/admin/skus/${sku}`)
        .set(await admin())
        .send({ listPriceFen: 6_000, clampMemberPrices: true })
        .expect(200);
      expect(await f.adminSku(sku)).toMatchObject({
        listPriceFen: 6_000,
        memberPrices: [{ tierId: tier, priceFen: 6_000 }],
      });
    });
  });

  describe('item 10: a member price ends at one resolution, and with a revoke', () => {
    it("a revoke closes the customer's unpaid member-priced orders", async () => {
      const tier = await f.tier('BR-REVOKE', { defaultDiscountBp: 2_000 });
      const name = 'br-revoked-unpaid';
      await f.join(name, tier);
      const unpaid = (await f.order(name, oneTea())).body as { order: OrderView };
      expect(unpaid.order.totalFen).toBeLessThan(5_000 + 1_000);
      await t.http
        .post(`/api/admin/members/${await f.membershipId(name)}/revoke`)
        .set(await admin())
        .send({ reason: '账号转借' })
        .expect(201);
      expect((await f.order_(unpaid.order.id, name)).status).toBe('CLOSED');
    });

    it('a payment whose whole-second success time is the second the term ends is not honoured at the member price', async () => {
      const tier = await f.tier('BR-ONE-DAY', { defaultDiscountBp: 2_000, termDays: 1, termMonths: undefined });
      const name = 'br-same-second';
      const start = new Date(Math.ceil(t.clock.now().getTime() / 1000) * 1000 + 700);
      t.clock.set(start);
      await f.join(name, tier);
      const end = start.getTime() + DAY;
      t.clock.set(new Date(end - 60_000));
      const order = (await f.order(name, oneTea())).body as { order: OrderView };
      expect(order.order.totalFen).toBe(4_000 + 1_000);
      t.clock.set(new Date(end + 100));
      const simulator = t.app.get(WechatSimulator);
      await simulator.confirmPayment(order.order.outTradeNo, new Date(end + 100));
      await pay.deliver(await simulator.buildTransactionNotification(order.order.outTradeNo));
      expect((await f.order_(order.order.id, name)).status).not.toBe('PAID');
    });
  });

  describe('item 9: staff grants extend time, they mint no coupons', () => {
    it('a 1-day goodwill extension issues no coupon, however the issuer runs', async () => {
      const coupon = await f.benefit({
        type: 'COUPON',
        title: '月月领50',
        config: { amountFen: 5_000, thresholdFen: 10_000, validDays: 30, perMonth: true, quantity: 1 },
      });
      const tier = await f.tier('BR-GRANT', { benefitIds: [coupon], termDays: 3, termMonths: undefined });
      const name = 'br-grant';
      await f.join(name, tier);
      expect(await f.coupons(name)).toHaveLength(1);
      await t.http
        .post(`/api/admin/members/${await f.membershipId(name)}/extend`)
        .set(await t.staff('support'))
        .send({ days: 1, reason: '物流延误补偿' })
        .expect(201);
      t.clock.advance(3 * DAY + 3_600_000);
      await t.app.get(CouponIssuerJob).run();
      expect(await f.coupons(name)).toHaveLength(1);
    });
  });

  describe('item 18: a welcome gift survives a carry-over', () => {
    it('a welcome gift cancelled while the current term is a carry-over can be claimed again', async () => {
      const first = await f.tier('BR-CARRY-A', {
        giftPackIds: [await f.pack('BR 换卡礼包', [{ skuId: oat, quantity: 1 }], 3_000)],
        giftPackChoices: 1,
        termDays: 10,
        termMonths: undefined,
      });
      const second = await f.tier('BR-CARRY-B', { termDays: 2, termMonths: undefined });
      const name = 'br-carry';
      await f.join(name, first);
      const packId = (await f.gifts(name)).claimable[0].options[0].id;
      const gift = await f.claimWelcome(name, packId);
      await f.join(name, second);
      t.clock.advance(2 * DAY + 3_600_000);
      await t.http
        .post(`/api/admin/gift-orders/${gift.id}/cancel`)
        .set(await admin())
        .send({ reason: '礼包缺货，改日再领' })
        .expect(201);
      const view = await f.gifts(name);
      expect(view.welcome).toMatchObject({ status: 'CLAIMABLE' });
      const again = await f.claimWelcome(name, packId);
      expect(again.giftPackId).toBe(packId);
    });
  });
});
