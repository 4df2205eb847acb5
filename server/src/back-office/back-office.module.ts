import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { ExtensionAllowanceService } from './extension-allowance.service';
import { MembersExportService } from './members-export.service';
import { MembersAdminController } from './members-admin.controller';
import { MembersReadService } from './members-read.service';
import { ProductSalesController } from './product-sales.controller';
import { ProductSalesService } from './product-sales.service';

/**
 * Staff read models that cut across features (members with their spend, product sales, exports). Read only:
 * rules stay in the feature modules, and no feature depends on this one.
 */
@Module({
  imports: [MembershipModule],
  controllers: [MembersAdminController, ProductSalesController],
  providers: [MembersReadService, MembersExportService, ExtensionAllowanceService, ProductSalesService],
})
export class BackOfficeModule {}
