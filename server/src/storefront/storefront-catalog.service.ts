import { Injectable } from '@nestjs/common';
import {
  CategoryView,
  DEFAULT_PAGE_SIZE,
  ErrorCode,
  memberUpsellFen,
  Page,
  ProductView,
} from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { MembershipService } from '../membership/membership.service';
import { CatalogListingRepository, ProductRow, SkuRow } from '../catalog/catalog-listing.repository';
import { callerPrice, memberPrice, PricingTier } from '../catalog/member-price';
import { priorityAccess, visibleUntil } from '../catalog/priority-access';
import { querySegments } from '../catalog/search-grams';
import { StorefrontCacheService, StorefrontSnapshot } from './storefront-cache.service';

/** Who is looking, for pricing and priority access. */
interface Viewer {
  /** The tier whose member prices the viewer pays now (active members only). */
  activeTier?: PricingTier;
  /** The tier shown as "member price" to everyone else: the cheapest one on sale. */
  displayTier?: PricingTier;
  /** How long before `publicFrom` the viewer sees member-first products (0 for non-members). */
  windowMs: number;
}

export interface StorefrontListQuery {
  page?: number;
  pageSize?: number;
  category?: string;
  q?: string;
}

/** The storefront's catalogue: visible products with list, member and caller prices, a page at a time. */
@Injectable()
export class StorefrontCatalogService {
  constructor(
    private readonly listing: CatalogListingRepository,
    private readonly cache: StorefrontCacheService,
    private readonly memberships: MembershipService,
    private readonly clock: Clock,
  ) {}

  async list(customerId: number | undefined, query: StorefrontListQuery): Promise<Page<ProductView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = this.clock.now();
    const { viewer, snapshot } = await this.viewer(customerId, now);
    const filter = {
      category: query.category,
      segments: querySegments(query.q ?? ''),
      visibleUntil: visibleUntil(viewer.windowMs, now),
    };
    const [rows, total] = await Promise.all([
      this.listing.page(filter, pageSize, (page - 1) * pageSize),
      snapshot.total(filter, viewer.windowMs, now),
    ]);
    return { items: await this.toViews(rows, viewer, snapshot, now), total, page, pageSize };
  }

  async get(customerId: number | undefined, id: number): Promise<ProductView> {
    const now = this.clock.now();
    const { viewer, snapshot } = await this.viewer(customerId, now);
    const product = await this.listing.findOnSale(id);
    if (!product || !priorityAccess(product.publicFrom, viewer.windowMs, now).visible)
      throw notFound(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} not found`);
    return (await this.toViews([product], viewer, snapshot, now))[0];
  }

  async categories(customerId: number | undefined): Promise<CategoryView[]> {
    const now = this.clock.now();
    const { viewer, snapshot } = await this.viewer(customerId, now);
    return snapshot.categories(viewer.windowMs, now);
  }

  /**
   * How long before `publicFrom` a term holding these benefits (its snapshot's `benefitIds`; none for
   * non-members) may see and buy member-first products: checkout passes it to `priorityAccess`.
   */
  async priorityWindowMs(benefitIds: readonly number[]): Promise<number> {
    return (await this.cache.snapshot()).windowMs(benefitIds);
  }

  /**
   * The member price a non-member is shown for each SKU (the display tier's, as on the product page) and whether
   * that tier ships free, for the quote's upsell; no prices when no tier is on sale.
   */
  async displayMemberPrices(
    skus: readonly { id: number; listPriceFen: number }[],
  ): Promise<{ prices: Map<number, number>; shipsFree: boolean }> {
    const snapshot = await this.cache.snapshot();
    const tier = snapshot.displayTier;
    if (!tier) return { prices: new Map(), shipsFree: false };
    const priceList = await snapshot.priceList(tier.id);
    return {
      prices: new Map(skus.map((sku) => [sku.id, memberPrice(sku, tier, priceList.get(sku.id))])),
      shipsFree: snapshot.displayTierShipsFree,
    };
  }

  private async viewer(
    customerId: number | undefined,
    now: Date,
  ): Promise<{ viewer: Viewer; snapshot: StorefrontSnapshot }> {
    const [active, snapshot] = await Promise.all([
      customerId ? this.memberships.activeTerm(customerId, now) : undefined,
      this.cache.snapshot(),
    ]);
    const viewer: Viewer = active
      ? {
          activeTier: { id: active.tierId, defaultDiscountBp: active.defaultDiscountBp },
          windowMs: snapshot.windowMs(active.term.snapshot.benefitIds ?? []),
        }
      : { displayTier: snapshot.displayTier, windowMs: 0 };
    return { viewer, snapshot };
  }

  private async toViews(
    products: ProductRow[],
    viewer: Viewer,
    snapshot: StorefrontSnapshot,
    now: Date,
  ): Promise<ProductView[]> {
    const tier = viewer.activeTier ?? viewer.displayTier;
    const [skus, priceList] = await Promise.all([
      this.listing.skusOf(products.map((product) => product.id)),
      tier ? snapshot.priceList(tier.id) : new Map<number, number>(),
    ]);
    const skusByProduct = new Map<number, SkuRow[]>();
    for (const sku of skus) skusByProduct.set(sku.productId, [...(skusByProduct.get(sku.productId) ?? []), sku]);
    return products.map((product) => {
      const views = (skusByProduct.get(product.id) ?? []).map((sku) => {
        const listed = priceList.get(sku.id);
        const memberPriceFen = tier ? memberPrice(sku, tier, listed) : sku.listPriceFen;
        return {
          id: sku.id,
          code: sku.code,
          name: sku.name,
          listPriceFen: sku.listPriceFen,
          memberPriceFen,
          priceFen: callerPrice(sku, viewer.activeTier, listed),
          memberSavingsFen: memberUpsellFen([{ quantity: 1, listPriceFen: sku.listPriceFen, memberPriceFen }]),
          stock: sku.stock,
          images: sku.images,
        };
      });
      const { memberFirstUntil } = priorityAccess(product.publicFrom, viewer.windowMs, now);
      const savings = views.map((sku) => sku.memberSavingsFen);
      return {
        id: product.id,
        title: product.title,
        subtitle: product.subtitle,
        description: product.description,
        category: product.category,
        images: product.images,
        skus: views,
        ...(memberFirstUntil ? { memberFirstUntil: memberFirstUntil.toISOString() } : {}),
        memberSavingsFen: Math.max(0, ...savings),
        memberSavingsVary: new Set(savings).size > 1,
      };
    });
  }
}
