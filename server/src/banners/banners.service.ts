import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import {
  AdminBannerView,
  BannerInput,
  BannerLinkType,
  BannerView,
  ErrorCode,
  storefrontPageLabel,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Product } from '../catalog/product.entity';
import { MediaService } from '../media/media.service';
import { AuditService } from '../staff/audit.service';
import { StorefrontCatalogService } from '../storefront/storefront-catalog.service';
import { toAdminBannerView, toBannerView } from './banner-views';
import { Banner } from './banner.entity';

const ORDER = { sortOrder: 'ASC', id: 'ASC' } as const;

/** Home banners: staff manage them (audited); the storefront sees those whose window covers now. */
@Injectable()
export class BannersService {
  constructor(
    @InjectRepository(Banner) private readonly banners: Repository<Banner>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly media: MediaService,
    private readonly catalog: StorefrontCatalogService,
  ) {}

  /** Banners whose window covers now; a product banner only when the caller may see that product. */
  async listActive(customerId: number | undefined): Promise<BannerView[]> {
    const now = this.clock.now();
    const rows = await this.banners.find({
      where: [
        { activeFrom: IsNull(), activeTo: IsNull() },
        { activeFrom: IsNull(), activeTo: MoreThan(now) },
        { activeFrom: LessThanOrEqual(now), activeTo: IsNull() },
        { activeFrom: LessThanOrEqual(now), activeTo: MoreThan(now) },
      ],
      order: ORDER,
    });
    const shown = await Promise.all(rows.map((banner) => this.leadsSomewhereVisible(customerId, banner)));
    return rows.filter((_, i) => shown[i]).map(toBannerView);
  }

  private async leadsSomewhereVisible(customerId: number | undefined, banner: Banner): Promise<boolean> {
    if (banner.linkType !== BannerLinkType.PRODUCT) return true;
    return this.catalog.get(customerId, Number(banner.linkTarget)).then(
      () => true,
      () => false,
    );
  }

  /** Every banner, its link named as staff know it (the product's title, the page's name). */
  async listAll(): Promise<AdminBannerView[]> {
    const banners = await this.banners.find({ order: ORDER });
    const productIds = banners.filter((b) => b.linkType === BannerLinkType.PRODUCT).map((b) => Number(b.linkTarget));
    const products = productIds.length
      ? await this.banners.manager.find(Product, { select: { id: true, title: true }, where: { id: In(productIds) } })
      : [];
    const titles = new Map(products.map((p) => [String(p.id), p.title]));
    return banners.map((banner) => ({ ...toAdminBannerView(banner), linkLabel: linkLabel(banner, titles) }));
  }

  create(actor: StaffPrincipal, input: BannerInput): Promise<AdminBannerView> {
    return this.transactions.run(async (manager) => {
      const fields = await this.checked(manager, input);
      const banner = await manager.save(manager.create(Banner, fields));
      const view = toAdminBannerView(banner);
      await this.audit.record(manager, actor, {
        action: 'banner.create',
        entity: 'banner',
        entityId: banner.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: Partial<BannerInput>): Promise<AdminBannerView> {
    return this.transactions.run(async (manager) => {
      const banner = await this.getOrThrow(manager, id);
      const before = toAdminBannerView(banner);
      const merged: BannerInput = {
        title: banner.title,
        image: banner.image,
        linkType: banner.linkType,
        linkTarget: banner.linkTarget,
        sortOrder: banner.sortOrder,
        activeFrom: before.activeFrom,
        activeTo: before.activeTo,
        ...input,
      };
      await manager.update(Banner, { id }, await this.checked(manager, merged));
      const after = toAdminBannerView(await this.getOrThrow(manager, id));
      await this.audit.record(manager, actor, {
        action: 'banner.update',
        entity: 'banner',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  remove(actor: StaffPrincipal, id: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      const before = toAdminBannerView(await this.getOrThrow(manager, id));
      await manager.delete(Banner, { id });
      await this.audit.record(manager, actor, { action: 'banner.delete', entity: 'banner', entityId: id, before });
    });
  }

  /** A window that ends before it starts, or a link to nothing, is refused. */
  private async checked(manager: EntityManager, input: BannerInput): Promise<Partial<Banner>> {
    const activeFrom = input.activeFrom ? new Date(input.activeFrom) : null;
    const activeTo = input.activeTo ? new Date(input.activeTo) : null;
    if (activeFrom && activeTo && activeTo <= activeFrom)
      throw badRequest(ErrorCode.BANNER_WINDOW_INVALID, 'activeTo must be after activeFrom');
    await this.media.assertUsableImages([input.image]);
    const linkTarget = input.linkType === BannerLinkType.NONE ? '' : (input.linkTarget ?? '').trim();
    if (input.linkType === BannerLinkType.PRODUCT) {
      const productId = Number(linkTarget);
      if (!Number.isInteger(productId) || !(await manager.existsBy(Product, { id: productId }))) {
        throw badRequest(ErrorCode.PRODUCT_NOT_FOUND, `Banner links to product "${linkTarget}", which does not exist`);
      }
    }
    if (input.linkType === BannerLinkType.CATEGORY && !linkTarget)
      throw badRequest(ErrorCode.VALIDATION_FAILED, 'A category banner needs the category name');
    if (input.linkType === BannerLinkType.PAGE && !linkTarget.startsWith('/')) {
      throw badRequest(ErrorCode.VALIDATION_FAILED, 'A page banner needs a storefront path starting with "/"');
    }
    return {
      title: input.title,
      image: input.image,
      linkType: input.linkType,
      linkTarget,
      sortOrder: input.sortOrder ?? 0,
      activeFrom,
      activeTo,
    };
  }

  private async getOrThrow(manager: EntityManager, id: number): Promise<Banner> {
    const banner = await manager.findOneBy(Banner, { id });
    if (!banner) throw notFound(ErrorCode.BANNER_NOT_FOUND, `Banner ${id} not found`);
    return banner;
  }
}

function linkLabel(banner: Banner, productTitles: Map<string, string>): string {
  if (banner.linkType === BannerLinkType.PRODUCT) return productTitles.get(banner.linkTarget) ?? '已删除的商品';
  if (banner.linkType === BannerLinkType.PAGE) return storefrontPageLabel(banner.linkTarget);
  return banner.linkTarget;
}
