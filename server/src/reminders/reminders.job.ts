import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { RenewalRemindersService } from './renewal-reminders.service';
import { shopHour } from './reminder-schedule';

/** Shop hours in which scheduled passes send (a reminder due today goes out from 09:00, never at night). */
const SEND_FROM_HOUR = 9;
const SEND_UNTIL_HOUR = 21;

/** Runs a reminder pass every five minutes during shop hours. Any number of processes may run it: claims dedupe. */
@Injectable()
export class RemindersJob {
  constructor(
    private readonly passes: ScheduledPasses,
    private readonly reminders: RenewalRemindersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(5 * 60_000)
  async tick(): Promise<void> {
    const hour = shopHour(this.clock.now(), this.config.shopTimeZone);
    if (hour < SEND_FROM_HOUR || hour >= SEND_UNTIL_HOUR) return;
    await this.passes.tick('renewal-reminders', {}, () => this.reminders.runPass());
  }
}
