import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MembershipModule } from '../membership/membership.module';
import { PriceListController } from './price-list.controller';
import { PriceListService } from './price-list.service';

/** Member prices of every SKU for every tier, as one file staff export, edit and import (with a preview). */
@Module({
  imports: [CatalogModule, MembershipModule],
  controllers: [PriceListController],
  providers: [PriceListService],
})
export class PriceListsModule {}
