import { memberUpsellOf } from './member-upsell';

const twoTeas = [{ quantity: 2, listPriceFen: 3_000, memberPriceFen: 2_400 }];

describe('member upsell of a basket', () => {
  it('adds the shipping fee a member would not pay to the goods saving', () => {
    expect(memberUpsellOf(twoTeas, 1_000, 0)).toEqual({ totalFen: 2_200, shippingFen: 1_000 });
  });

  it('takes off the fee a member would pay when member prices fall below the free-shipping line', () => {
    expect(memberUpsellOf(twoTeas, 0, 1_000)).toEqual({ totalFen: 200, shippingFen: -1_000 });
  });

  it('is never negative', () => {
    expect(memberUpsellOf([{ quantity: 1, listPriceFen: 1_000, memberPriceFen: 900 }], 0, 1_000).totalFen).toBe(0);
  });
});
