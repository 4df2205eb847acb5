import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AutoRenewPassService } from './auto-renew-pass.service';

/** An auto-renew pass every ten minutes; charges only run in WeChat's hours. Any number of processes may run it: cycles are claimed. */
@Injectable()
export class AutoRenewJob {
  private readonly logger = new Logger(AutoRenewJob.name);
  private running = false;

  constructor(
    private readonly pass: AutoRenewPassService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(10 * 60_000)
  async tick(): Promise<void> {
    if (!this.config.schedulersEnabled || this.running) return;
    this.running = true;
    try {
      await this.pass.runPass();
    } catch (error) {
      this.logger.error(`Auto-renew pass failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
