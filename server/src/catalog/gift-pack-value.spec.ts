import { contentsValueFen, giftValueClaim } from './gift-pack-value';

describe('gift pack value', () => {
  it('the contents are worth the sum of list price × quantity', () => {
    expect(
      contentsValueFen([
        { quantity: 2, sku: { listPriceFen: 8_900 } },
        { quantity: 1, sku: { listPriceFen: 29_900 } },
      ]),
    ).toBe(47_700);
  });

  it('a tier speaks of its least valuable pack, with 起 when the options differ', () => {
    expect(giftValueClaim([163_300, 129_400])).toBe('价值 ¥1,294 起');
    expect(giftValueClaim([150_000, 150_000])).toBe('价值 ¥1,500');
    expect(giftValueClaim([])).toBe('');
  });
});
