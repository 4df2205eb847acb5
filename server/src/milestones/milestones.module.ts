import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { MemberOverviewController } from './member-overview.controller';
import { MemberOverviewService } from './member-overview.service';
import { Milestone } from './milestone.entity';
import { MilestonesAdminController } from './milestones-admin.controller';
import { MilestonesService } from './milestones.service';
import { SpendService } from './spend.service';

/** Spend milestones, counted spend, and the member's own overview. */
@Module({
  imports: [TypeOrmModule.forFeature([Milestone]), MembershipModule],
  controllers: [MilestonesAdminController, MemberOverviewController],
  providers: [MilestonesService, SpendService, MemberOverviewService],
  exports: [MilestonesService, SpendService],
})
export class MilestonesModule {}
