import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { GiftClaimsService } from './gift-claims.service';
import { GiftPacksController } from './gift-packs.controller';
import { MemberOverviewController } from './member-overview.controller';
import { MemberOverviewService } from './member-overview.service';
import { Milestone } from './milestone.entity';
import { MilestonesAdminController } from './milestones-admin.controller';
import { MilestonesService } from './milestones.service';
import { SpendService } from './spend.service';

/** Spend milestones, counted spend, and the member's own overview. */
@Module({
  imports: [TypeOrmModule.forFeature([Milestone]), MembershipModule],
  controllers: [MilestonesAdminController, MemberOverviewController, GiftPacksController],
  providers: [MilestonesService, SpendService, MemberOverviewService, GiftClaimsService],
  exports: [MilestonesService, SpendService, GiftClaimsService],
})
export class MilestonesModule {}
