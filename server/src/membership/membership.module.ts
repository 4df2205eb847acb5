import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Benefit } from './benefit.entity';
import { BenefitsAdminController } from './benefits-admin.controller';
import { BenefitsService } from './benefits.service';
import { MembershipOrderHooks } from './membership-order.hooks';
import { TermEvents } from './term-events';
import { TermSuspensions } from './term-suspensions';
import { MembershipTerm } from './membership-term.entity';
import { MembershipTermsService } from './membership-terms.service';
import { Membership } from './membership.entity';
import { MembershipService } from './membership.service';
import { OrdersModule } from '../orders/orders.module';
import { Tier } from './tier.entity';
import { TiersAdminController } from './tiers-admin.controller';
import { ServiceContactController } from './service-contact.controller';
import { ServiceContactService } from './service-contact.service';
import { TiersController } from './tiers.controller';
import { TiersService } from './tiers.service';

/** Tiers, benefits, memberships and their terms. */
@Module({
  imports: [TypeOrmModule.forFeature([Tier, Benefit, Membership, MembershipTerm]), OrdersModule],
  controllers: [TiersController, TiersAdminController, BenefitsAdminController, ServiceContactController],
  providers: [
    TiersService,
    BenefitsService,
    MembershipService,
    MembershipTermsService,
    MembershipOrderHooks,
    TermEvents,
    TermSuspensions,
    ServiceContactService,
  ],
  exports: [TiersService, MembershipService, MembershipTermsService, TermEvents, TermSuspensions, TypeOrmModule],
})
export class MembershipModule {}
