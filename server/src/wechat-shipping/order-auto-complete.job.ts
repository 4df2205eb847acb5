import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLeaseService } from '../jobs/job-lease.service';
import { OrderReceiptService } from './order-receipt.service';

/** Completes shipped orders nobody confirmed, once an hour, one process per tick. */
@Injectable()
export class OrderAutoCompleteJob {
  private readonly logger = new Logger(OrderAutoCompleteJob.name);
  private running = false;

  constructor(
    private readonly receipts: OrderReceiptService,
    private readonly leases: JobLeaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(60 * 60_000)
  async tick(): Promise<void> {
    if (!this.config.schedulersEnabled || this.running) return;
    this.running = true;
    try {
      const run = await this.leases.runLeased('order-auto-complete', { leaseMs: 55 * 60_000 }, () =>
        this.receipts.autoComplete(),
      );
      if (run.ran && run.result) this.logger.log(`Completed ${run.result} shipped orders automatically`);
    } catch (error) {
      this.logger.error(`Auto-complete failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
