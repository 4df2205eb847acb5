import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipModule } from '../membership/membership.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { CodeBatchesService } from './code-batches.service';
import { CodeRedemptionService } from './code-redemption.service';
import { GiftCodeHooks } from './gift-code.hooks';
import { GiftMembershipsController } from './gift-memberships.controller';
import { GiftMembershipsService } from './gift-memberships.service';
import { FinanceModule } from '../finance/finance.module';
import { OrdersModule } from '../orders/orders.module';
import { MembershipCodeBatch } from './membership-code-batch.entity';
import { MembershipCode } from './membership-code.entity';
import { MembershipCodesAdminController } from './membership-codes-admin.controller';
import { MembershipCodesController } from './membership-codes.controller';

/** Membership codes (兑换码): staff batches, redemption, and memberships bought as a gift. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MembershipCodeBatch, MembershipCode]),
    MembershipModule,
    MilestonesModule,
    OrdersModule,
    FinanceModule,
  ],
  controllers: [MembershipCodesAdminController, MembershipCodesController, GiftMembershipsController],
  providers: [CodeBatchesService, CodeRedemptionService, GiftMembershipsService, GiftCodeHooks],
})
export class MembershipCodesModule {}
