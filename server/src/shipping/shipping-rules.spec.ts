import { shippingFee } from './shipping-rules';

const policy = { flatFeeFen: 1_000, freeAboveFen: 9_900 };

describe('shipping fee', () => {
  it('an order below the threshold pays the flat fee', () => {
    expect(shippingFee(policy, 9_899, false)).toEqual({ shippingFen: 1_000 });
  });

  it('an order from the threshold up ships free', () => {
    expect(shippingFee(policy, 9_900, false)).toEqual({ shippingFen: 0, freeShippingReason: 'THRESHOLD' });
  });

  it('a member whose tier holds FREE_SHIPPING ships free at any amount', () => {
    expect(shippingFee(policy, 100, true)).toEqual({ shippingFen: 0, freeShippingReason: 'MEMBER_BENEFIT' });
  });

  it('without a threshold only the benefit waives the fee', () => {
    expect(shippingFee({ flatFeeFen: 800, freeAboveFen: null }, 1_000_000, false)).toEqual({ shippingFen: 800 });
  });
});
