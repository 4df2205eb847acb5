import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { CatalogListingRepository } from './catalog-listing.repository';
import { GiftPackItem } from './gift-pack-item.entity';
import { GiftPack } from './gift-pack.entity';
import { GiftPacksAdminController } from './gift-packs-admin.controller';
import { GiftPacksService } from './gift-packs.service';
import { PriceListController } from './price-list/price-list.controller';
import { PriceListService } from './price-list/price-list.service';
import { Product } from './product.entity';
import { ProductsAdminController, SkusAdminController } from './products-admin.controller';
import { ProductsAdminService } from './products-admin.service';
import { ProductsController } from './products.controller';
import { SkuMemberPrice } from './sku-member-price.entity';
import { Sku } from './sku.entity';
import { StorefrontCacheService } from './storefront-cache.service';
import { StorefrontCatalogService } from './storefront-catalog.service';

/** Products, SKUs, price lists and gift packs. */
@Module({
  imports: [TypeOrmModule.forFeature([Product, Sku, SkuMemberPrice, GiftPack, GiftPackItem]), MembershipModule],
  controllers: [ProductsController, ProductsAdminController, SkusAdminController, GiftPacksAdminController, PriceListController],
  providers: [StorefrontCatalogService, StorefrontCacheService, CatalogListingRepository, ProductsAdminService, GiftPacksService, PriceListService],
  exports: [StorefrontCatalogService, CatalogListingRepository, GiftPacksService, TypeOrmModule],
})
export class CatalogModule {}
