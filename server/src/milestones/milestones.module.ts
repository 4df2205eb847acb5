import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { AlertsAdminController } from './alerts-admin.controller';
import { GiftCancelService } from './gift-cancel.service';
import { GiftClaimsService } from './gift-claims.service';
import { GiftOrdersAdminController } from './gift-orders-admin.controller';
import { GiftOrders } from './gift-orders';
import { GiftPacksController } from './gift-packs.controller';
import { MyMembershipController } from './my-membership.controller';
import { MemberOverviewService } from './member-overview.service';
import { Milestone } from './milestone.entity';
import { MilestonesAdminController } from './milestones-admin.controller';
import { MilestonesService } from './milestones.service';
import { SpendDropHooks } from './spend-drop.hooks';
import { SpendService } from './spend.service';
import { StaffAlertsService } from './staff-alerts.service';
import { WelcomeGiftHooks } from './welcome-gift.hooks';

/** Spend milestones, counted spend, gifts (welcome and milestone) and the member's own overview. */
@Module({
  imports: [TypeOrmModule.forFeature([Milestone]), MembershipModule, OrdersModule, CustomersModule],
  controllers: [
    MilestonesAdminController,
    MyMembershipController,
    GiftPacksController,
    AlertsAdminController,
    GiftOrdersAdminController,
  ],
  providers: [
    GiftCancelService,
    MilestonesService,
    SpendService,
    MemberOverviewService,
    GiftClaimsService,
    GiftOrders,
    WelcomeGiftHooks,
    SpendDropHooks,
    StaffAlertsService,
  ],
  exports: [MilestonesService, SpendService, GiftClaimsService, MemberOverviewService],
})
export class MilestonesModule {}
