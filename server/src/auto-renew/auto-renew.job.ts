import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { AutoRenewPassService } from './auto-renew-pass.service';

/** An auto-renew pass every ten minutes; charges only run in WeChat's hours. Any number of processes may run it: cycles are claimed. */
@Injectable()
export class AutoRenewJob {
  constructor(
    private readonly passes: ScheduledPasses,
    private readonly pass: AutoRenewPassService,
  ) {}

  @Interval(10 * 60_000)
  async tick(): Promise<void> {
    await this.passes.tick('auto-renew', {}, () => this.pass.runPass());
  }
}
