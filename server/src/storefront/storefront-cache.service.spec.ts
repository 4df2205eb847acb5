import type { DataSource } from 'typeorm';
import type { CacheVersionsService } from '../cache/cache-versions.service';
import type { CatalogListingRepository } from '../catalog/catalog-listing.repository';
import { StorefrontCacheService } from './storefront-cache.service';

const HOUR = 3600 * 1000;
const t0 = new Date('2026-11-23T12:00:00.000Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

function setUp(reveals: { previous: Date | null; next: Date | null }) {
  const listing = { count: jest.fn(async () => 7), revealBounds: jest.fn(async () => reveals) };
  const versions = { catalog: 1, tiers: 1 };
  const cache = new StorefrontCacheService(
    { query: jest.fn(async () => []) } as unknown as DataSource,
    listing as unknown as CatalogListingRepository,
    { current: async () => ({ ...versions }) } as unknown as CacheVersionsService,
  );
  return { cache, listing, versions };
}

describe('storefront cache: listing totals', () => {
  const filter = { segments: [], visibleUntil: t0 };

  it('a request that read the clock just before the total was cached still uses it', async () => {
    const { cache, listing } = setUp({ previous: at(-5), next: at(5) });
    await (await cache.snapshot()).total(filter, 0, at(0));
    expect(await (await cache.snapshot()).total(filter, 0, new Date(t0.getTime() - 3))).toBe(7);
    expect(listing.count).toHaveBeenCalledTimes(1);
  });

  it('is counted again once the next member-first product is revealed to this window, or before the last one was', async () => {
    const { cache, listing } = setUp({ previous: at(-5), next: at(5) });
    const total = async (now: Date, windowMs = 0) => (await cache.snapshot()).total(filter, windowMs, now);
    await total(at(0));
    await total(at(4.9));
    expect(listing.count).toHaveBeenCalledTimes(1);
    await total(at(5));
    expect(listing.count).toHaveBeenCalledTimes(2);
    await total(at(-6));
    expect(listing.count).toHaveBeenCalledTimes(3);
  });

  it('a member window moves the moments by the window', async () => {
    const { cache, listing } = setUp({ previous: null, next: at(50) });
    await (await cache.snapshot()).total(filter, 48 * HOUR, at(0));
    await (await cache.snapshot()).total(filter, 48 * HOUR, at(1.9));
    expect(listing.count).toHaveBeenCalledTimes(1);
    await (await cache.snapshot()).total(filter, 48 * HOUR, at(2));
    expect(listing.count).toHaveBeenCalledTimes(2);
  });

  it('a bumped catalogue version drops every cached total', async () => {
    const { cache, listing, versions } = setUp({ previous: null, next: null });
    await (await cache.snapshot()).total(filter, 0, at(0));
    versions.catalog++;
    await (await cache.snapshot()).total(filter, 0, at(0));
    expect(listing.count).toHaveBeenCalledTimes(2);
  });
});
