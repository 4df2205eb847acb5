import type { CheckoutQuote } from '@member-commerce/shared';
import { benefitFixtures, BenefitFixtures } from '../support/benefit-fixtures';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

/**
 * Issue #21: the non-member upsell states what joining really changes for this basket (member prices AND the
 * shipping fee a member would pay), and "再买 X 即可包邮" comes from the server's shipping rule, not the device.
 */
describe('member upsell and the free-shipping shortfall in the quote', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let f: BenefitFixtures;
  /** A ¥30 tea, 20 % off for members of a tier that ships free; shops ship for ¥10, free from ¥100. */
  let tea: number;
  let tier: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    f = benefitFixtures(t, pay);
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('admin'))
      .send({ flatFeeFen: 1_000, freeAboveFen: 10_000 })
      .expect(200);
    tea = await f.product('MU-TEA', 3_000);
    const freeShipping = await f.benefit({ type: 'FREE_SHIPPING', title: '会员包邮' });
    tier = await f.tier('MU-GOLD', { defaultDiscountBp: 2_000, benefitIds: [freeShipping] });
  }, 300_000);
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  it("a non-member's upsell adds the shipping fee a member of a free-shipping tier would not pay", async () => {
    const quote: CheckoutQuote = await f.quoted('mu-guest', [{ skuId: tea, quantity: 2 }]);
    expect(quote).toMatchObject({ goodsFen: 6_000, shippingFen: 1_000, totalFen: 7_000 });
    // Members pay 2 × ¥24 and ship free: ¥12 on the goods plus the ¥10 fee.
    expect(quote.memberUpsellShippingFen).toBe(1_000);
    expect(quote.memberUpsellFen).toBe(1_200 + 1_000);
  });

  it('the quote says how much more reaches free shipping; nothing once it is free', async () => {
    expect((await f.quoted('mu-guest', [{ skuId: tea, quantity: 2 }])).freeShippingShortfallFen).toBe(4_000);
    const free = await f.quoted('mu-guest', [{ skuId: tea, quantity: 4 }]);
    expect(free).toMatchObject({ shippingFen: 0, freeShippingShortfallFen: null });
  });

  it('a member who ships free is told neither an upsell nor a shortfall', async () => {
    await f.join('mu-member', tier);
    const quote = await f.quoted('mu-member', [{ skuId: tea, quantity: 1 }]);
    expect(quote).toMatchObject({
      shippingFen: 0,
      freeShippingReason: 'MEMBER_BENEFIT',
      memberUpsellFen: 0,
      memberUpsellShippingFen: 0,
      freeShippingShortfallFen: null,
    });
  });
});
