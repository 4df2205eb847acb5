import type { CheckoutQuote, CreateOrderResponse, OrderView, ProductView } from '@member-commerce/shared';
import { benefitFixtures, BenefitFixtures } from '../support/benefit-fixtures';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

/**
 * Issue #17 "one home per rule": an order's money (goods, shipping, coupon, total, member savings) is computed once
 * by the server (shared `orderMoney`), stored on the order and sent in every view; no screen re-derives it.
 */
describe('order money', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let f: BenefitFixtures;
  /** A ¥50 tea at 20 % off for members, a pack of 4 × ¥80 rice as the welcome gift, ¥10 flat shipping. */
  let tier: number;
  let tea: number;
  let ricePack: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    f = benefitFixtures(t, pay);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('admin'))
      .send({ flatFeeFen: 1_000, freeAboveFen: null })
      .expect(200);
    tea = await f.product('OM-TEA', 5_000);
    const rice = await f.product('OM-RICE', 8_000, 100);
    ricePack = await f.pack('OM 大米礼包', [{ skuId: rice, quantity: 4 }], 32_000);
    tier = await f.tier('OM-GOLD', { defaultDiscountBp: 2_000, giftPackIds: [ricePack], giftPackChoices: 1 });
  }, 300_000);
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const twoTeas = () => [{ skuId: tea, quantity: 2 }];
  const buy = async (name: string): Promise<OrderView> => {
    const res = await f.order(name, twoTeas());
    expect(res.status).toBe(201);
    const { order } = res.body as CreateOrderResponse;
    expect(await pay.confirm(order.outTradeNo)).toBe(204);
    return f.order_(order.id, name);
  };

  it('an order stores the figures its quote showed: goods, list total, shipping, total and member savings', async () => {
    await f.join('om-member', tier);
    const quote = await f.quoted('om-member', twoTeas());
    expect(quote).toMatchObject({
      listTotalFen: 10_000,
      goodsFen: 8_000,
      shippingFen: 1_000,
      totalFen: 9_000,
      memberSavingsFen: 2_000,
      memberUpsellFen: 0,
    });
    const order = await buy('om-member');
    expect(order).toMatchObject({
      listTotalFen: quote.listTotalFen,
      goodsFen: quote.goodsFen,
      shippingFen: quote.shippingFen,
      totalFen: quote.totalFen,
      savingsFen: quote.memberSavingsFen,
    });
  });

  it('a gift order carries no member savings: its view, the membership page and the staff member list agree', async () => {
    await f.join('om-gifted', tier);
    const product = await buy('om-gifted');
    const gift = await f.claimWelcome('om-gifted', ricePack);
    expect(gift).toMatchObject({ kind: 'GIFT', listTotalFen: 32_000, goodsFen: 0, totalFen: 0, savingsFen: 0 });
    const mine = (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer('om-gifted'))
        .expect(200)
    ).body as { savingsFen: number };
    expect(mine.savingsFen).toBe(product.savingsFen);
    const members = (
      await t.http
        .get('/api/admin/members')
        .query({ q: 'om-gifted', pageSize: 100 })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as { items: { nickname: string; savingsFen: number }[] };
    expect(members.items.find((row) => row.nickname === 'om-gifted')?.savingsFen).toBe(product.savingsFen);
  });

  it("a non-member's quote carries the member upsell: the product page's saving per unit times the quantity", async () => {
    const shown = (
      await t.http
        .get(`/api/products/${await productOf(tea)}`)
        .set(await t.customer('om-guest'))
        .expect(200)
    ).body as ProductView;
    const sku = shown.skus.find((s) => s.id === tea)!;
    const quote: CheckoutQuote = await f.quoted('om-guest', twoTeas());
    expect(quote.memberSavingsFen).toBe(0);
    expect(quote.goodsFen).toBe(10_000);
    expect(quote.memberUpsellFen).toBe(sku.memberSavingsFen * 2);
    expect(sku.memberSavingsFen).toBe(sku.listPriceFen - sku.memberPriceFen);
  });

  const productOf = async (skuId: number): Promise<number> => {
    const page = (
      await t.http
        .get('/api/admin/products')
        .query({ q: 'OM-TEA', pageSize: 100 })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as { items: { id: number; skus: { id: number }[] }[] };
    return page.items.find((product) => product.skus.some((s) => s.id === skuId))!.id;
  };
});
