import { Module } from '@nestjs/common';
import { CallListService } from './call-list.service';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { MyRemindersController } from './my-reminders.controller';
import { MyRemindersService } from './my-reminders.service';
import { ReminderClaims } from './reminder-claims';
import { GraceNotices } from './grace-notices';
import { ReminderDispatcher } from './reminder-dispatcher';
import { ReminderPassRunner } from './reminder-pass-runner';
import { ReminderRulesService } from './reminder-rules.service';
import { ReminderStatsService } from './reminder-stats.service';
import { RemindersAdminController } from './reminders-admin.controller';
import { RemindersJob } from './reminders.job';
import { OrdersModule } from '../orders/orders.module';
import { RenewalHooks } from './renewal.hooks';
import { RenewalRemindersService } from './renewal-reminders.service';

/**
 * Renewal reminders: rules, the claiming pass and its schedule, WeChat subscribe messages with consent credits,
 * in-app banners, the staff call list and the results. A paid membership order cancels the old end's pending reminders (RenewalHooks).
 */
@Module({
  imports: [OrdersModule],
  controllers: [ConsentsController, MyRemindersController, RemindersAdminController],
  providers: [
    ConsentsService,
    ReminderRulesService,
    ReminderClaims,
    ReminderDispatcher,
    GraceNotices,
    RenewalRemindersService,
    RenewalHooks,
    ReminderPassRunner,
    RemindersJob,
    MyRemindersService,
    ReminderStatsService,
    CallListService,
  ],
  exports: [ConsentsService, RenewalRemindersService, ReminderRulesService],
})
export class RemindersModule {}
