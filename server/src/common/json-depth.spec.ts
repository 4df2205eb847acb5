import { exceedsJsonDepth } from './json-depth';

const nested = (depth: number): unknown => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

describe('exceedsJsonDepth', () => {
  it('accepts ordinary bodies and scalars', () => {
    expect(exceedsJsonDepth({ items: [{ skuId: 1, quantity: 2 }], address: { city: 'x' } })).toBe(false);
    expect(exceedsJsonDepth(null)).toBe(false);
    expect(exceedsJsonDepth('text')).toBe(false);
    expect(exceedsJsonDepth(nested(32))).toBe(false);
  });

  it('refuses nesting deeper than the limit, in objects and arrays, without overflowing itself', () => {
    expect(exceedsJsonDepth(nested(33))).toBe(true);
    expect(exceedsJsonDepth(nested(100_000 / 6))).toBe(true);
    expect(exceedsJsonDepth(JSON.parse('['.repeat(5000) + ']'.repeat(5000)))).toBe(true);
  });

  it('counts breadth as nothing: a wide array of small objects is fine', () => {
    expect(exceedsJsonDepth(Array.from({ length: 5000 }, (_, i) => ({ i })))).toBe(false);
  });
});
