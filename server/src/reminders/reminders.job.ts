import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RenewalRemindersService } from './renewal-reminders.service';
import { shopHour } from './reminder-schedule';

/** Shop hours in which scheduled passes send (a reminder due today goes out from 09:00, never at night). */
const SEND_FROM_HOUR = 9;
const SEND_UNTIL_HOUR = 21;

/** Runs a reminder pass every five minutes during shop hours. Any number of processes may run it: claims dedupe. */
@Injectable()
export class RemindersJob {
  private readonly logger = new Logger(RemindersJob.name);
  private running = false;

  constructor(
    private readonly reminders: RenewalRemindersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(5 * 60_000)
  async tick(): Promise<void> {
    if (!this.config.schedulersEnabled || this.running) return;
    const hour = shopHour(this.clock.now(), this.config.shopTimeZone);
    if (hour < SEND_FROM_HOUR || hour >= SEND_UNTIL_HOUR) return;
    this.running = true;
    try {
      await this.reminders.runPass();
    } catch (error) {
      this.logger.error(`Reminder pass failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
