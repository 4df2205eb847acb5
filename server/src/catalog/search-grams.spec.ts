import { indexGrams, likePattern, productSearchText, queryGrams, querySegments } from './search-grams';

describe('search grams', () => {
  it('normalises width and case so ＡＢＣ and abc are the same text', () => {
    expect(productSearchText('ＮＵＴＳ 每日坚果', '  Mixed   Nuts ')).toBe('nuts 每日坚果 mixed nuts');
  });

  it('every substring of a segment has its grams in the index', () => {
    const grams = new Set(indexGrams(productSearchText('澳洲谷饲西冷牛排', 'Grain-fed Sirloin')));
    for (const query of ['牛排', '谷饲西冷', '排', 'sirloin', 'loi', 'n-f']) {
      expect(queryGrams(querySegments(query)).every((gram) => grams.has(gram))).toBe(true);
    }
  });

  it('grams never span whitespace', () => {
    expect(indexGrams('ab cd')).not.toContain('b ');
    expect(indexGrams('ab cd')).not.toContain('bc');
  });

  it('a one-character query needs that character; longer ones need their pairs', () => {
    expect(queryGrams(['米'])).toEqual(['米']);
    expect(queryGrams(['大米饭'])).toEqual(['大米', '米饭']);
    expect(queryGrams(querySegments('牛排  牛排 10'))).toEqual(['牛排', '10']);
  });

  it('LIKE wildcards in a query are matched literally', () => {
    expect(likePattern('50%_off!')).toBe('%50!%!_off!!%');
  });
});
