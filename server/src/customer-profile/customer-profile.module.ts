import { Module } from '@nestjs/common';
import { AfterSalesModule } from '../after-sales/after-sales.module';
import { AutoRenewModule } from '../auto-renew/auto-renew.module';
import { CouponsModule } from '../coupons/coupons.module';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { CustomerNotesTagsService } from './customer-notes-tags.service';
import { CustomerProfileService } from './customer-profile.service';
import { CustomersAdminController } from './customers-admin.controller';

/** 客户详情 for staff: a read across features, plus the notes and tags staff keep on customers. No feature depends on it. */
@Module({
  imports: [MembershipModule, MilestonesModule, CouponsModule, AfterSalesModule, AutoRenewModule],
  controllers: [CustomersAdminController],
  providers: [CustomerProfileService, CustomerNotesTagsService],
})
export class CustomerProfileModule {}
