import { Module } from '@nestjs/common';
import { MembershipModule } from '../membership/membership.module';
import { OrdersModule } from '../orders/orders.module';
import { PaymentsModule } from '../payments/payments.module';
import { AutoRenewAdminController } from './auto-renew-admin.controller';
import { AutoRenewAdminService } from './auto-renew-admin.service';
import { AutoRenewChargesService } from './auto-renew-charges.service';
import { AutoRenewContractsService } from './auto-renew-contracts.service';
import { AutoRenewNotifyController } from './auto-renew-notify.controller';
import { AutoRenewPassService } from './auto-renew-pass.service';
import { AutoRenewHooks } from './auto-renew.hooks';
import { AutoRenewJob } from './auto-renew.job';
import { MyAutoRenewController } from './my-auto-renew.controller';

/**
 * Auto-renew (WeChat 委托代扣): contracts signed in WeChat, a pre-deduction notice and one charge per term, a
 * charge that succeeds is a paid MEMBERSHIP order like any renewal; one that fails for good gives a grace period.
 */
@Module({
  imports: [OrdersModule, MembershipModule, PaymentsModule],
  controllers: [MyAutoRenewController, AutoRenewAdminController, AutoRenewNotifyController],
  providers: [
    AutoRenewContractsService,
    AutoRenewChargesService,
    AutoRenewPassService,
    AutoRenewAdminService,
    AutoRenewHooks,
    AutoRenewJob,
  ],
  exports: [AutoRenewContractsService],
})
export class AutoRenewModule {}
