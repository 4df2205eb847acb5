import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CategoryView, ErrorCode, ProductView, TierStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { MembershipService } from '../membership/membership.service';
import { Tier } from '../membership/tier.entity';
import { callerPrice, memberPrice, PricingTier } from './member-price';
import { Product } from './product.entity';
import { SkuMemberPrice } from './sku-member-price.entity';

/** Who is looking, for pricing and priority access. */
interface Viewer {
  /** The tier whose member prices the viewer pays now (active members only). */
  activeTier?: PricingTier;
  /** The tier shown as "member price" to everyone else: the cheapest one on sale. */
  displayTier?: PricingTier;
}

/** The storefront's catalogue: visible products with list, member and caller prices. */
@Injectable()
export class StorefrontCatalogService {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(Tier) private readonly tiers: Repository<Tier>,
    @InjectRepository(SkuMemberPrice) private readonly memberPrices: Repository<SkuMemberPrice>,
    private readonly memberships: MembershipService,
    private readonly clock: Clock,
  ) {}

  async list(customerId: number | undefined, category?: string): Promise<ProductView[]> {
    const now = this.clock.now();
    const viewer = await this.viewer(customerId, now);
    const products = await this.products.find({
      where: { onSale: true, ...(category ? { category } : {}) },
      relations: { skus: true },
      order: { sortOrder: 'ASC', id: 'DESC' },
    });
    const visible = products.filter((product) => this.isVisible(product, viewer, now));
    return this.toViews(visible, viewer, now);
  }

  async get(customerId: number | undefined, id: number): Promise<ProductView> {
    const now = this.clock.now();
    const viewer = await this.viewer(customerId, now);
    const product = await this.products.findOne({ where: { id, onSale: true }, relations: { skus: true } });
    if (!product || !this.isVisible(product, viewer, now)) throw notFound(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} not found`);
    return (await this.toViews([product], viewer, now))[0];
  }

  async categories(customerId: number | undefined): Promise<CategoryView[]> {
    const products = await this.list(customerId);
    const counts = new Map<string, number>();
    for (const product of products) counts.set(product.category, (counts.get(product.category) ?? 0) + 1);
    return [...counts].map(([name, productCount]) => ({ name, productCount }));
  }

  private async viewer(customerId: number | undefined, now: Date): Promise<Viewer> {
    const active = customerId ? await this.memberships.activeTerm(customerId, now) : undefined;
    if (active) return { activeTier: { id: active.tierId, defaultDiscountBp: active.defaultDiscountBp } };
    const cheapest = await this.tiers.findOne({ where: { status: TierStatus.ACTIVE }, order: { priceFen: 'ASC', id: 'ASC' } });
    return { displayTier: cheapest ? { id: cheapest.id, defaultDiscountBp: cheapest.defaultDiscountBp } : undefined };
  }

  /** Priority access: before `publicFrom` only active members see the product. */
  private isVisible(product: Product, viewer: Viewer, now: Date): boolean {
    return !product.publicFrom || product.publicFrom <= now || viewer.activeTier !== undefined;
  }

  private async toViews(products: Product[], viewer: Viewer, now: Date): Promise<ProductView[]> {
    const tier = viewer.activeTier ?? viewer.displayTier;
    const skuIds = products.flatMap((product) => product.skus.map((sku) => sku.id));
    const priceList = new Map<number, number>();
    if (tier && skuIds.length) {
      const rows = await this.memberPrices.find({ where: { tierId: tier.id, skuId: In(skuIds) } });
      for (const row of rows) priceList.set(row.skuId, row.priceFen);
    }
    return products.map((product) => {
      const skus = [...product.skus]
        .sort((a, b) => a.id - b.id)
        .map((sku) => {
          const listed = priceList.get(sku.id);
          return {
            id: sku.id,
            code: sku.code,
            name: sku.name,
            listPriceFen: sku.listPriceFen,
            memberPriceFen: tier ? memberPrice(sku, tier, listed) : sku.listPriceFen,
            priceFen: callerPrice(sku, viewer.activeTier, listed),
            stock: sku.stock,
            images: sku.images ?? [],
          };
        });
      return {
        id: product.id,
        title: product.title,
        subtitle: product.subtitle,
        description: product.description,
        category: product.category,
        images: product.images,
        skus,
        ...(product.publicFrom && product.publicFrom > now ? { memberFirstUntil: product.publicFrom.toISOString() } : {}),
        memberSavingsFen: Math.max(0, ...skus.map((sku) => sku.listPriceFen - sku.memberPriceFen)),
      };
    });
  }
}
