import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLeaseService, LeasedRun } from './job-lease.service';

export interface PassOptions {
  /**
   * One process per tick runs the pass: it holds the job's database lease this long (a little less than the
   * interval). Omit it for a pass that claims its own rows, which any number of processes may run at once.
   */
  leaseMs?: number;
}

/**
 * The tick every scheduled job shares: nothing when schedulers are off (tests, the cli) or this process's previous
 * pass of the job still runs; the pass under the job's lease when it has one; a failure logged, never thrown into
 * the timer (the next tick tries again).
 */
@Injectable()
export class ScheduledPasses {
  private readonly logger = new Logger(ScheduledPasses.name);
  private readonly running = new Set<string>();

  constructor(
    private readonly leases: JobLeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tick<T>(job: string, options: PassOptions, pass: () => Promise<T>): Promise<LeasedRun<T>> {
    if (!this.config.schedulersEnabled || this.running.has(job)) return { ran: false };
    this.running.add(job);
    try {
      if (options.leaseMs === undefined) return { ran: true, result: await pass() };
      return await this.leases.runLeased(job, { leaseMs: options.leaseMs }, pass);
    } catch (error) {
      this.logger.error(`The ${job} pass failed: ${(error as Error).message}`);
      return { ran: false };
    } finally {
      this.running.delete(job);
    }
  }
}
