/** All money is an integer number of fen (1元 = 100 fen). */
export type Fen = number;

export const FEN_PER_YUAN = 100;
/** 10000 basis points = 100 %. */
export const BASIS_POINTS = 10_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** 1000 → 100000. Accepts at most two decimals; rounds half up past that. */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * FEN_PER_YUAN + Number.EPSILON * Math.sign(yuan));
}

/** Integer division rounding half away from zero, exact for safe integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}

/**
 * Price after a discount in basis points: 1500 bp off 9999 fen → 8499 fen (8499.15 rounds half up).
 * Never below 0.
 */
export function applyDiscountBp(priceFen: Fen, discountBp: number): Fen {
  const bp = Math.min(Math.max(discountBp, 0), BASIS_POINTS);
  return Math.max(0, divideRoundHalfUp(priceFen * (BASIS_POINTS - bp), BASIS_POINTS));
}

/** The largest default member discount a tier may have: 100 % off would make member prices 0 fen. */
export const MAX_DEFAULT_DISCOUNT_BP = BASIS_POINTS - 1;

/**
 * The unit price a member pays: the tier's price-list entry when there is one, else the list price less the
 * tier's default discount (half up to the fen); never above the list price and never below 1 fen (WeChat Pay
 * takes no 0-fen order, and a member price is a price, not a gift). One home for server and admin.
 */
export function memberPriceFen(listPriceFen: Fen, defaultDiscountBp: number, priceListFen?: Fen): Fen {
  const price = priceListFen ?? applyDiscountBp(listPriceFen, defaultDiscountBp);
  return Math.min(Math.max(price, 1), listPriceFen);
}

/** 100000 → "¥1,000.00"; -150 → "-¥1.50". */
export function formatFen(fen: Fen, options: { symbol?: string; decimals?: boolean } = {}): string {
  const { symbol = '¥', decimals = true } = options;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / FEN_PER_YUAN);
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = decimals || cents !== '00' ? `.${cents}` : '';
  return `${sign}${symbol}${grouped}${fraction}`;
}

/** 123456 → "1234.56", for CSV exports and WeChat amount fields. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / FEN_PER_YUAN)}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
}

export function sumFen(values: readonly Fen[]): Fen {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Exact yuan text → fen: "12.5" → 1250, "0.01" → 1. Only plain decimals with at most two places (no sign,
 * exponent or thousands separator); anything else is undefined, so a file never silently rounds a price.
 */
export function parseYuanText(text: string): Fen | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * FEN_PER_YUAN + Number((match[2] ?? '').padEnd(2, '0'));
}
