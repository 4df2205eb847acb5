import { lineTotalFen, memberUpsellFen, orderMoney } from './order-money';

const lines = [
  { quantity: 2, unitListPriceFen: 10_000, unitPriceFen: 8_500 },
  { quantity: 1, unitListPriceFen: 5_000, unitPriceFen: 5_000 },
];

describe('order money', () => {
  it('a line costs its unit price times its quantity', () => {
    expect(lineTotalFen(lines[0])).toBe(17_000);
  });

  it('total is goods plus shipping less the coupon', () => {
    expect(orderMoney(lines, { shippingFen: 800, couponDiscountFen: 1_000, memberPriced: true })).toEqual({
      listTotalFen: 25_000,
      goodsFen: 22_000,
      shippingFen: 800,
      couponDiscountFen: 1_000,
      totalFen: 21_800,
      memberSavingsFen: 3_000,
    });
  });

  it('member savings are the gap between list and charged goods only: shipping and coupon do not count', () => {
    const withExtras = orderMoney(lines, { shippingFen: 800, couponDiscountFen: 2_000, memberPriced: true });
    const plain = orderMoney(lines, { memberPriced: true });
    expect(withExtras.memberSavingsFen).toBe(plain.memberSavingsFen);
  });

  it('an order not priced as a member (a gift, a membership fee, a guest) saves nothing', () => {
    const gift = [{ quantity: 3, unitListPriceFen: 4_000, unitPriceFen: 0 }];
    expect(orderMoney(gift, { memberPriced: false })).toMatchObject({
      listTotalFen: 12_000,
      goodsFen: 0,
      totalFen: 0,
      memberSavingsFen: 0,
    });
  });

  it('a member upsell sums what each unit would save at the member price, never negative', () => {
    expect(
      memberUpsellFen([
        { quantity: 2, listPriceFen: 10_000, memberPriceFen: 9_000 },
        { quantity: 1, listPriceFen: 5_000, memberPriceFen: 5_000 },
      ]),
    ).toBe(2_000);
  });
});
