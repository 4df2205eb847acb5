import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import {
  AdminProductView,
  CategoryView,
  ErrorCode,
  LOW_STOCK_THRESHOLD,
  Page,
  SetOnSaleResult,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, conflict, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { Transactions } from '../database/transactions';
import { tierCodes } from './tier-refs';
import { AuditService } from '../staff/audit.service';
import {
  CreateProductDto,
  ProductSearchQueryDto,
  SetMemberPricesDto,
  SetOnSaleDto,
  SkuDto,
  UpdateProductDto,
  UpdateSkuDto,
} from './dto/product.dto';
import { sanitizeDescription } from './product-description';
import { reindexProductSearch } from './product-search-index';
import { toAdminProductView } from './product-views';
import { Product } from './product.entity';
import { SkuMemberPrice } from './sku-member-price.entity';
import { Sku } from './sku.entity';
import { MediaService } from '../media/media.service';
import { CacheArea } from '../cache/cache-areas';
import { CacheVersionsService } from '../cache/cache-versions.service';

const PRODUCT_RELATIONS = { skus: { memberPrices: true } } as const;

/** Staff management of products, SKUs and the per-tier price lists. */
@Injectable()
export class ProductsAdminService {
  constructor(
    @InjectRepository(Product) private readonly products: Repository<Product>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly cacheVersions: CacheVersionsService,
    private readonly media: MediaService,
  ) {}

  async search(query: ProductSearchQueryDto): Promise<Page<AdminProductView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.products.createQueryBuilder('p').select('p.id', 'id').orderBy('p.id', 'DESC');
    if (query.q)
      qb.andWhere(new Brackets((w) => w.where('p.title LIKE :q', { q: `%${query.q}%` }).orWhere('p.subtitle LIKE :q')));
    if (query.category) qb.andWhere('p.category = :category', { category: query.category });
    if (query.lowStock) {
      qb.andWhere('p.onSale = 1').andWhere(
        `EXISTS (SELECT 1 FROM sku s WHERE s.productId = p.id AND s.stock <= :low)`,
        { low: LOW_STOCK_THRESHOLD },
      );
    }
    const total = await qb.getCount();
    const ids = (await qb.offset(skip).limit(pageSize).getRawMany<{ id: number }>()).map((row) => Number(row.id));
    const rows = ids.length ? await this.products.find({ where: { id: In(ids) }, relations: PRODUCT_RELATIONS }) : [];
    const items = rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)).map(toAdminProductView);
    return { items, total, page, pageSize };
  }

  /** Every category in use, on sale or not, with its product count: what the product form offers. */
  async categories(): Promise<CategoryView[]> {
    const rows = await this.products
      .createQueryBuilder('p')
      .select('p.category', 'name')
      .addSelect('COUNT(*)', 'productCount')
      .groupBy('p.category')
      .orderBy('p.category')
      .getRawMany<{ name: string; productCount: string | number }>();
    return rows.map((row) => ({ name: row.name, productCount: Number(row.productCount) }));
  }

  /** Puts products on or off sale together; each product that changes gets its own audit row. */
  setOnSale(actor: StaffPrincipal, input: SetOnSaleDto): Promise<SetOnSaleResult> {
    return this.transactions.run(async (manager) => {
      const ids = [...new Set(input.productIds)];
      const found = await manager.find(Product, {
        where: { id: In(ids) },
        select: { id: true, onSale: true, title: true },
      });
      if (found.length !== ids.length) {
        const missing = ids.filter((id) => !found.some((product) => product.id === id));
        throw notFound(ErrorCode.PRODUCT_NOT_FOUND, `Products ${missing.join(', ')} not found`);
      }
      const changing = found.filter((product) => product.onSale !== input.onSale);
      if (changing.length)
        await manager.update(Product, { id: In(changing.map((product) => product.id)) }, { onSale: input.onSale });
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      for (const product of changing) {
        await this.audit.record(manager, actor, {
          action: input.onSale ? 'product.on_sale' : 'product.off_sale',
          entity: 'product',
          entityId: product.id,
          before: { title: product.title, onSale: product.onSale },
          after: { title: product.title, onSale: input.onSale },
        });
      }
      return { changed: changing.length, unchanged: found.length - changing.length };
    });
  }

  async get(id: number): Promise<AdminProductView> {
    return toAdminProductView(await this.getOrThrow(this.products.manager, id));
  }

  create(actor: StaffPrincipal, input: CreateProductDto): Promise<AdminProductView> {
    return this.transactions.run(async (manager) => {
      await this.assertSkuCodesFree(
        manager,
        input.skus.map((sku) => sku.code),
      );
      await this.media.assertUsableImages([...(input.images ?? []), ...input.skus.flatMap((sku) => sku.images ?? [])]);
      const product = await manager.save(
        manager.create(Product, {
          title: input.title,
          subtitle: input.subtitle ?? '',
          description: sanitizeDescription(input.description ?? ''),
          category: input.category,
          images: input.images ?? [],
          onSale: input.onSale ?? true,
          publicFrom: input.publicFrom ? new Date(input.publicFrom) : null,
          skus: input.skus.map((sku) => manager.create(Sku, sku)),
        }),
      );
      await reindexProductSearch(manager, product);
      const view = toAdminProductView(await this.getOrThrow(manager, product.id));
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, {
        action: 'product.create',
        entity: 'product',
        entityId: product.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: UpdateProductDto): Promise<AdminProductView> {
    return this.transactions.run(async (manager) => {
      const product = await this.getOrThrow(manager, id);
      await this.media.assertUsableImages(input.images ?? []);
      const before = toAdminProductView(product);
      const { publicFrom, description, ...fields } = input;
      await manager.update(
        Product,
        { id },
        {
          ...fields,
          ...(description !== undefined ? { description: sanitizeDescription(description) } : {}),
          ...(publicFrom !== undefined ? { publicFrom: publicFrom ? new Date(publicFrom) : null } : {}),
        },
      );
      const after = toAdminProductView(await this.getOrThrow(manager, id));
      if (after.title !== before.title || after.subtitle !== before.subtitle)
        await reindexProductSearch(manager, after);
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, {
        action: 'product.update',
        entity: 'product',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  addSku(actor: StaffPrincipal, productId: number, input: SkuDto): Promise<AdminProductView> {
    return this.transactions.run(async (manager) => {
      await this.getOrThrow(manager, productId);
      await this.assertSkuCodesFree(manager, [input.code]);
      await this.media.assertUsableImages(input.images ?? []);
      const sku = await manager.save(manager.create(Sku, { ...input, productId }));
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, { action: 'sku.create', entity: 'sku', entityId: sku.id, after: input });
      return toAdminProductView(await this.getOrThrow(manager, productId));
    });
  }

  updateSku(actor: StaffPrincipal, skuId: number, input: UpdateSkuDto): Promise<AdminProductView> {
    return this.transactions.run(async (manager) => {
      const sku = await this.getSkuOrThrow(manager, skuId);
      if (input.code && input.code !== sku.code) await this.assertSkuCodesFree(manager, [input.code]);
      await this.media.assertUsableImages(input.images ?? []);
      const before = {
        code: sku.code,
        name: sku.name,
        listPriceFen: sku.listPriceFen,
        stock: sku.stock,
        images: sku.images ?? [],
      };
      const { clampMemberPrices, ...fields } = input;
      const clamped = await this.memberPricesAboveList(manager, sku, fields.listPriceFen, clampMemberPrices ?? false);
      if (Object.keys(fields).length > 0) await manager.update(Sku, { id: skuId }, fields);
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, {
        action: 'sku.update',
        entity: 'sku',
        entityId: skuId,
        before,
        after: { ...before, ...fields, ...(clamped.length ? { memberPricesLowered: clamped } : {}) },
      });
      return toAdminProductView(await this.getOrThrow(manager, sku.productId));
    });
  }

  /**
   * A list price lowered below member prices of the SKU's price list is refused, naming the tiers, unless staff
   * confirmed (`clamp`): then those member prices come down to the new list price with it, so what the admin
   * shows is what members pay (the storefront never charges a member more than the list price).
   */
  private async memberPricesAboveList(
    manager: EntityManager,
    sku: Sku,
    listPriceFen: number | undefined,
    clamp: boolean,
  ) {
    if (listPriceFen === undefined || listPriceFen >= sku.listPriceFen) return [];
    const above = (await manager.findBy(SkuMemberPrice, { skuId: sku.id })).filter(
      (price) => price.priceFen > listPriceFen,
    );
    if (!above.length) return [];
    const codes = await tierCodes(
      manager,
      above.map((price) => price.tierId),
    );
    const tiers = above.map((price) => ({
      tierId: price.tierId,
      tierCode: codes.get(price.tierId),
      priceFen: price.priceFen,
    }));
    if (!clamp) {
      const names = tiers.map((tier) => tier.tierCode ?? tier.tierId).join('、');
      throw conflict(
        ErrorCode.MEMBER_PRICE_ABOVE_LIST,
        `新售价低于 ${names} 的会员价；确认后这些会员价将一并降为新售价`,
        { listPriceFen, tiers },
      );
    }
    for (const price of above)
      await manager.update(SkuMemberPrice, { skuId: sku.id, tierId: price.tierId }, { priceFen: listPriceFen });
    return tiers.map((tier) => ({ ...tier, newPriceFen: listPriceFen }));
  }

  /** Replaces the SKU's price list; a member price above the list price is refused. */
  setMemberPrices(actor: StaffPrincipal, skuId: number, input: SetMemberPricesDto): Promise<AdminProductView> {
    return this.transactions.run(async (manager) => {
      const sku = await this.getSkuOrThrow(manager, skuId);
      const tierIds = [...new Set(input.prices.map((p) => p.tierId))];
      if (tierIds.length !== input.prices.length)
        throw badRequest(ErrorCode.VALIDATION_FAILED, 'Each tier may appear once in prices');
      if ((await tierCodes(manager, tierIds)).size !== tierIds.length) {
        throw badRequest(ErrorCode.TIER_NOT_FOUND, 'Some tierIds do not exist');
      }
      const above = input.prices.find((p) => p.priceFen > sku.listPriceFen);
      if (above) {
        throw badRequest(
          ErrorCode.MEMBER_PRICE_ABOVE_LIST,
          `Member price ${above.priceFen} is above the list price ${sku.listPriceFen}`,
          { tierId: above.tierId },
        );
      }
      const before = await manager.findBy(SkuMemberPrice, { skuId });
      await manager.delete(SkuMemberPrice, { skuId });
      if (input.prices.length)
        await manager.insert(
          SkuMemberPrice,
          input.prices.map((p) => ({ skuId, tierId: p.tierId, priceFen: p.priceFen })),
        );
      // The log names tiers by code so a reader sees "ANNUAL · 会员价", not a bare id.
      const codes = await tierCodes(manager, [...tierIds, ...before.map((p) => p.tierId)]);
      const entry = (p: { tierId: number; priceFen: number }) => ({
        tierId: p.tierId,
        tierCode: codes.get(p.tierId),
        memberPriceFen: p.priceFen,
      });
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, {
        action: 'sku.member_prices',
        entity: 'sku',
        entityId: skuId,
        before: before.map(entry),
        after: input.prices.map(entry),
      });
      return toAdminProductView(await this.getOrThrow(manager, sku.productId));
    });
  }

  private async getOrThrow(manager: EntityManager, id: number): Promise<Product> {
    const product = await manager.findOne(Product, { where: { id }, relations: PRODUCT_RELATIONS });
    if (!product) throw notFound(ErrorCode.PRODUCT_NOT_FOUND, `Product ${id} not found`);
    return product;
  }

  private async getSkuOrThrow(manager: EntityManager, id: number): Promise<Sku> {
    const sku = await manager.findOneBy(Sku, { id });
    if (!sku) throw notFound(ErrorCode.SKU_NOT_FOUND, `SKU ${id} not found`);
    return sku;
  }

  private async assertSkuCodesFree(manager: EntityManager, codes: string[]): Promise<void> {
    if (new Set(codes).size !== codes.length) throw badRequest(ErrorCode.SKU_CODE_TAKEN, 'SKU codes repeat');
    const taken = await manager.findBy(Sku, { code: In(codes) });
    if (taken.length) throw conflict(ErrorCode.SKU_CODE_TAKEN, `SKU code ${taken[0].code} is taken`);
  }
}
