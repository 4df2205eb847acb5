import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { TrialStatsService } from './trial-stats.service';
import { TrialUse } from './trial-use.entity';
import { TrialsAdminController } from './trials-admin.controller';
import { TrialsController } from './trials.controller';
import { TrialsService } from './trials.service';

/** The once-per-customer free trial of a tier, and its conversion figures for staff. */
@Module({
  imports: [TypeOrmModule.forFeature([TrialUse]), MembershipModule, MilestonesModule],
  controllers: [TrialsController, TrialsAdminController],
  providers: [TrialsService, TrialStatsService],
})
export class TrialsModule {}
