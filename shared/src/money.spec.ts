import {
  applyDiscountBp,
  divideRoundHalfUp,
  fenToYuanString,
  formatFen,
  memberPriceFen,
  parseYuanText,
  yuanToFen,
} from './money';

describe('money helpers', () => {
  it('converts yuan to integer fen without float drift', () => {
    expect(yuanToFen(1000)).toBe(100000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
  });

  it('formats fen as yuan with thousands separators', () => {
    expect(formatFen(100000)).toBe('¥1,000.00');
    expect(formatFen(150)).toBe('¥1.50');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-150)).toBe('-¥1.50');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(100000, { decimals: false })).toBe('¥1,000');
    expect(formatFen(100050, { decimals: false })).toBe('¥1,000.50');
  });

  it('rounds discounts half up to the fen', () => {
    expect(applyDiscountBp(9999, 1500)).toBe(8499); // 8499.15
    expect(applyDiscountBp(1, 5000)).toBe(1); // 0.5 rounds up
    expect(applyDiscountBp(3, 5000)).toBe(2); // 1.5 rounds up
    expect(applyDiscountBp(10000, 0)).toBe(10000);
  });

  it('never discounts below zero or above the price', () => {
    expect(applyDiscountBp(500, 20000)).toBe(0);
    expect(applyDiscountBp(500, -100)).toBe(500);
  });

  it('divides with half-up rounding for negatives too', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(-5, 2)).toBe(-3);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('renders plain yuan strings for exports', () => {
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(-5)).toBe('-0.05');
  });

  it('parses yuan text exactly to fen and refuses more than two decimals', () => {
    expect(parseYuanText('12.5')).toBe(1250);
    expect(parseYuanText(' 0.01 ')).toBe(1);
    expect(parseYuanText('199')).toBe(19900);
    expect(parseYuanText('19.99')).toBe(1999);
    expect(parseYuanText('0.00')).toBe(0);
    for (const bad of ['1.234', '-1', '1e3', '1,000', '', 'abc', '.5', '1.'])
      expect(parseYuanText(bad)).toBeUndefined();
  });

  it('a member price is the price-list entry or the discounted list price, at least 1 fen and at most the list price', () => {
    expect(memberPriceFen(10_000, 1_000)).toBe(9_000);
    expect(memberPriceFen(10_000, 1_000, 7_500)).toBe(7_500);
    expect(memberPriceFen(100, 9_999)).toBe(1);
    expect(memberPriceFen(1, 9_999)).toBe(1);
    expect(memberPriceFen(100, 1_000, 0)).toBe(1);
    expect(memberPriceFen(100, 1_000, 150)).toBe(100);
  });
});
