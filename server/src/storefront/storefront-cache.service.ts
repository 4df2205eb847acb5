import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LRUCache } from 'lru-cache';
import { BenefitType, CategoryView, TierStatus } from '@member-commerce/shared';
import { CacheArea, CacheVersions } from '../cache/cache-areas';
import { CacheVersionsService } from '../cache/cache-versions.service';
import { CatalogListingRepository, ListingFilter } from '../catalog/catalog-listing.repository';
import { PricingTier } from '../catalog/member-price';
import { memberWindowMs, PriorityBenefit } from '../catalog/priority-access';

/** Tiers and benefits as the storefront needs them. */
interface TiersData {
  /** The tier shown as "member price" to non-members: the cheapest active one. */
  displayTier?: PricingTier;
  /** Whether the shown tier holds FREE_SHIPPING (what the upsell promises on the shipping fee). */
  displayTierShipsFree: boolean;
  benefits: Map<number, PriorityBenefit>;
}

/** A value that holds, until the catalogue changes, for clock readings in [from, until) (ms). */
interface Timed<T> {
  value: T;
  from: number;
  until: number;
}

interface CatalogData {
  version: number;
  priceLists: Map<number, Promise<Map<number, number>>>;
  totals: LRUCache<string, Promise<Timed<number>>>;
  categories: Map<number, Promise<Timed<CategoryView[]>>>;
}

/** One view of the cached storefront data, consistent with the database versions read for this request. */
export interface StorefrontSnapshot {
  displayTier?: PricingTier;
  displayTierShipsFree: boolean;
  /** The member-first window the benefits with these ids grant (the widest PRIORITY_ACCESS window). */
  windowMs(benefitIds: readonly number[]): number;
  priceList(tierId: number): Promise<Map<number, number>>;
  /** Total of a listing; `windowMs` is the caller's window, which decides when the total changes with time. */
  total(filter: ListingFilter, windowMs: number, now: Date): Promise<number>;
  categories(windowMs: number, now: Date): Promise<CategoryView[]>;
}

const MAX_CACHED_TOTALS = 2000;

/**
 * What every caller of a tier sees, kept in memory per process: tiers, benefit windows, price lists per tier,
 * categories and listing totals. Each request first reads the areas' versions (one shared query, see
 * CacheVersionsService); a version bumped by a staff write in any process drops that area here.
 */
@Injectable()
export class StorefrontCacheService {
  private tiers?: { version: number; data: Promise<TiersData> };
  private catalog?: CatalogData;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listing: CatalogListingRepository,
    private readonly versions: CacheVersionsService,
  ) {}

  async snapshot(): Promise<StorefrontSnapshot> {
    const versions = await this.versions.current();
    const tiers = await this.tiersData(versions);
    const catalog = this.catalogData(versions);
    return {
      displayTier: tiers.displayTier,
      displayTierShipsFree: tiers.displayTierShipsFree,
      windowMs: (ids) => memberWindowMs(ids.flatMap((id) => tiers.benefits.get(id) ?? [])),
      priceList: (tierId) => this.priceList(catalog, tierId),
      total: (filter, windowMs, now) => this.total(catalog, filter, windowMs, now),
      categories: (windowMs, now) => this.categories(catalog, windowMs, now),
    };
  }

  private tiersData(versions: CacheVersions): Promise<TiersData> {
    const version = versions[CacheArea.TIERS];
    // Versions only grow: a request that read an older version than a concurrent one uses the newer data.
    if (!this.tiers || this.tiers.version < version) {
      const data = this.loadTiers();
      this.tiers = { version, data };
      data.catch(() => {
        if (this.tiers?.data === data) this.tiers = undefined;
      });
    }
    return this.tiers.data;
  }

  private async loadTiers(): Promise<TiersData> {
    const [tier]: { id: number; defaultDiscountBp: number }[] = await this.dataSource.query(
      'SELECT id, defaultDiscountBp FROM tier WHERE status = ? ORDER BY priceFen ASC, id ASC LIMIT 1',
      [TierStatus.ACTIVE],
    );
    const benefits: { id: number; type: string; config: string | null }[] = await this.dataSource.query(
      'SELECT id, type, config FROM benefit',
    );
    const displayBenefitIds: { benefitId: number }[] = tier
      ? await this.dataSource.query('SELECT benefitId FROM tier_benefit WHERE tierId = ?', [tier.id])
      : [];
    const types = new Map(benefits.map((b) => [Number(b.id), b.type]));
    return {
      displayTier: tier ? { id: Number(tier.id), defaultDiscountBp: Number(tier.defaultDiscountBp) } : undefined,
      displayTierShipsFree: displayBenefitIds.some(
        (row) => types.get(Number(row.benefitId)) === BenefitType.FREE_SHIPPING,
      ),
      benefits: new Map(
        benefits.map((b) => [
          Number(b.id),
          { type: b.type, config: b.config ? (JSON.parse(b.config) as Record<string, unknown>) : null },
        ]),
      ),
    };
  }

  private catalogData(versions: CacheVersions): CatalogData {
    const version = versions[CacheArea.CATALOG];
    if (this.catalog && this.catalog.version >= version) return this.catalog;
    this.catalog = {
      version,
      priceLists: new Map(),
      totals: new LRUCache({ max: MAX_CACHED_TOTALS }),
      categories: new Map(),
    };
    return this.catalog;
  }

  private priceList(catalog: CatalogData, tierId: number): Promise<Map<number, number>> {
    return remember(catalog.priceLists, tierId, () => this.listing.priceList(tierId));
  }

  private total(catalog: CatalogData, filter: ListingFilter, windowMs: number, now: Date): Promise<number> {
    const key = JSON.stringify([windowMs, filter.category ?? null, filter.segments]);
    return this.timed(catalog.totals, key, now, async () => {
      const [total, bounds] = await Promise.all([this.listing.count(filter), this.listing.revealBounds(filter)]);
      return { value: total, ...validity(bounds, windowMs) };
    });
  }

  private categories(catalog: CatalogData, windowMs: number, now: Date): Promise<CategoryView[]> {
    const filter = { segments: [], visibleUntil: new Date(now.getTime() + windowMs) };
    return this.timed(catalog.categories, windowMs, now, async () => {
      const [categories, bounds] = await Promise.all([
        this.listing.categories(filter.visibleUntil),
        this.listing.revealBounds(filter),
      ]);
      return { value: categories, ...validity(bounds, windowMs) };
    });
  }

  /** A cached time-dependent value, recomputed once `now` reaches the moment it changes. */
  private async timed<K, T>(
    store: {
      get(key: K): Promise<Timed<T>> | undefined;
      set(key: K, value: Promise<Timed<T>>): unknown;
      delete(key: K): unknown;
    },
    key: K,
    now: Date,
    load: () => Promise<Timed<T>>,
  ): Promise<T> {
    const cached = store.get(key);
    if (cached) {
      const entry = await cached.catch(() => undefined);
      if (entry && entry.from <= now.getTime() && now.getTime() < entry.until) return entry.value;
    }
    const loading = load();
    store.set(key, loading);
    loading.catch(() => store.delete(key));
    return (await loading).value;
  }
}

/**
 * When a time-dependent listing value holds for a caller with this window: from the moment the last product it
 * shows became visible to them until the next one does. (Not "from when it was computed": concurrent requests
 * that read the clock a moment earlier must still hit the cache.)
 */
function validity(
  { previous, next }: { previous: Date | null; next: Date | null },
  windowMs: number,
): { from: number; until: number } {
  return {
    from: previous ? previous.getTime() - windowMs : -Infinity,
    until: next ? next.getTime() - windowMs : Infinity,
  };
}

function remember<K, V>(store: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
  let value = store.get(key);
  if (!value) {
    value = load();
    store.set(key, value);
    value.catch(() => store.delete(key));
  }
  return value;
}
