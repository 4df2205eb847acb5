/** Areas whose data API processes keep in memory; each has a row in `cache_version`. */
export const CacheArea = {
  /** Products, SKUs, price lists per tier, categories and listing counts. */
  CATALOG: 'catalog',
  /** Tiers and benefits (display tier, default discounts, priority-access windows). */
  TIERS: 'tiers',
} as const;
export type CacheArea = (typeof CacheArea)[keyof typeof CacheArea];

/** Which area a staff write invalidates, by the audit log's entity name. */
export const AREA_OF_AUDITED_ENTITY: Readonly<Record<string, CacheArea>> = {
  product: CacheArea.CATALOG,
  sku: CacheArea.CATALOG,
  price_list: CacheArea.CATALOG,
  tier: CacheArea.TIERS,
  benefit: CacheArea.TIERS,
};

export type CacheVersions = Readonly<Record<CacheArea, number>>;
