/**
 * Infix search over title and subtitle that SQLite and MariaDB both serve from one ordinary B-tree index.
 * (MariaDB's FULLTEXT has no ngram parser for Chinese and SQLite's FTS5 trigram cannot find two-character
 * words, so neither full-text engine can promise "part of a Chinese title" on both databases.)
 * Text is normalised (NFKC, lower case) and cut at whitespace; every character and every pair of adjacent
 * characters of a segment is one gram. A query matches the products holding all of its grams, then a
 * `LIKE` on the normalised text keeps only true substrings.
 */

/** Longest gram, in characters: the database column is sized from this. */
export const GRAM_LENGTH = 2;

function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The text stored beside a product: what `LIKE` checks. */
export function productSearchText(title: string, subtitle: string): string {
  return normaliseSearchText(`${title} ${subtitle}`);
}

/** The segments of a query, normalised, without repeats. */
export function querySegments(query: string): string[] {
  return [...new Set(normaliseSearchText(query).split(' ').filter(Boolean))];
}

/** Every gram a product's search text is indexed under. */
export function indexGrams(searchText: string): string[] {
  const grams = new Set<string>();
  for (const segment of searchText.split(' ')) {
    const chars = [...segment];
    chars.forEach((char, i) => {
      grams.add(char);
      if (i + 1 < chars.length) grams.add(char + chars[i + 1]);
    });
  }
  return [...grams];
}

/** The grams a product must hold to match the query: pairs, or the single character of a one-character segment. */
export function queryGrams(segments: string[]): string[] {
  const grams = new Set<string>();
  for (const segment of segments) {
    const chars = [...segment];
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  return [...grams];
}

/** Escape character of `likePattern` (not a backslash, which MySQL and SQLite quote differently). */
export const LIKE_ESCAPE = '!';

/** `LIKE` pattern for a segment, with its own `%`, `_` and `!` taken literally (`ESCAPE '!'`). */
export function likePattern(segment: string): string {
  return `%${segment.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
