import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogListingRepository } from './catalog-listing.repository';
import { GiftPackItem } from './gift-pack-item.entity';
import { GiftPack } from './gift-pack.entity';
import { GiftPacksAdminController } from './gift-packs-admin.controller';
import { GiftPacksService } from './gift-packs.service';
import { Product } from './product.entity';
import { ProductsAdminController, SkusAdminController } from './products-admin.controller';
import { ProductsAdminService } from './products-admin.service';
import { SkuMemberPrice } from './sku-member-price.entity';
import { Sku } from './sku.entity';

/**
 * Products, SKUs, member prices and gift packs: what the shop sells, with no knowledge of who is buying (the
 * storefront feature prices them for a member).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Product, Sku, SkuMemberPrice, GiftPack, GiftPackItem])],
  controllers: [ProductsAdminController, SkusAdminController, GiftPacksAdminController],
  providers: [CatalogListingRepository, ProductsAdminService, GiftPacksService],
  exports: [CatalogListingRepository, GiftPacksService, TypeOrmModule],
})
export class CatalogModule {}
