import { callerPrice, memberPrice } from './member-price';

describe('member price', () => {
  const tier = { id: 1, defaultDiscountBp: 1000 };

  it('uses the tier price list when the SKU has an entry', () => {
    expect(memberPrice({ listPriceFen: 10000 }, tier, 7500)).toBe(7500);
  });

  it('applies the tier default discount when the SKU has no entry, rounding half up', () => {
    expect(memberPrice({ listPriceFen: 10000 }, tier, undefined)).toBe(9000);
    expect(memberPrice({ listPriceFen: 1005 }, { id: 1, defaultDiscountBp: 5000 }, undefined)).toBe(503);
    expect(memberPrice({ listPriceFen: 9999 }, { id: 1, defaultDiscountBp: 1500 }, undefined)).toBe(8499);
  });

  it('is never below 1 fen nor above the list price', () => {
    expect(memberPrice({ listPriceFen: 100 }, tier, -5)).toBe(1);
    expect(memberPrice({ listPriceFen: 100 }, tier, 150)).toBe(100);
    expect(memberPrice({ listPriceFen: 100 }, { id: 1, defaultDiscountBp: 12000 }, undefined)).toBe(1);
  });

  it('charges non-members the list price', () => {
    expect(callerPrice({ listPriceFen: 10000 }, undefined, 7500)).toBe(10000);
    expect(callerPrice({ listPriceFen: 10000 }, tier, 7500)).toBe(7500);
  });
});
