/**
 * Areas whose data API processes keep in memory; each has a row in `cache_version`. The service that changes an
 * area bumps it in the same transaction (`CacheVersionsService.bump`).
 */
export const CacheArea = {
  /** Products, SKUs, price lists per tier, categories and listing counts. */
  CATALOG: 'catalog',
  /** Tiers and benefits (display tier, default discounts, priority-access windows). */
  TIERS: 'tiers',
} as const;
export type CacheArea = (typeof CacheArea)[keyof typeof CacheArea];

export type CacheVersions = Readonly<Record<CacheArea, number>>;
