import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MembershipModule } from '../membership/membership.module';
import { ProductsController } from './products.controller';
import { StorefrontCacheService } from './storefront-cache.service';
import { StorefrontCatalogService } from './storefront-catalog.service';

/** The catalogue as a customer sees it: visible products, priced for their membership, with priority access. */
@Module({
  imports: [CatalogModule, MembershipModule],
  controllers: [ProductsController],
  providers: [StorefrontCatalogService, StorefrontCacheService],
  exports: [StorefrontCatalogService],
})
export class StorefrontModule {}
