import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { CodeBatchesService } from './code-batches.service';
import { CodeRedemptionService } from './code-redemption.service';
import { MembershipCodeBatch } from './membership-code-batch.entity';
import { MembershipCode } from './membership-code.entity';
import { MembershipCodesAdminController } from './membership-codes-admin.controller';
import { MembershipCodesController } from './membership-codes.controller';

/** Membership codes (兑换码): staff batches, redemption, and memberships bought as a gift. */
@Module({
  imports: [TypeOrmModule.forFeature([MembershipCodeBatch, MembershipCode]), MembershipModule, MilestonesModule],
  controllers: [MembershipCodesAdminController, MembershipCodesController],
  providers: [CodeBatchesService, CodeRedemptionService],
})
export class MembershipCodesModule {}
