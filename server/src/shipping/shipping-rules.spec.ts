import { freeShippingShortfallFen, shippingFee } from './shipping-rules';

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

describe('free-shipping shortfall', () => {
  it('below the threshold: the difference to it', () => {
    expect(freeShippingShortfallFen(policy, 6_000, shippingFee(policy, 6_000, false))).toBe(3_900);
  });

  it('none once the order ships free, by threshold or benefit, nor without a threshold', () => {
    expect(freeShippingShortfallFen(policy, 9_900, shippingFee(policy, 9_900, false))).toBeNull();
    expect(freeShippingShortfallFen(policy, 100, shippingFee(policy, 100, true))).toBeNull();
    const noThreshold = { flatFeeFen: 800, freeAboveFen: null };
    expect(freeShippingShortfallFen(noThreshold, 100, shippingFee(noThreshold, 100, false))).toBeNull();
  });
});
