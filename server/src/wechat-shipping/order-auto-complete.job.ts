import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { OrderReceiptService } from './order-receipt.service';

/** Completes shipped orders nobody confirmed, once an hour, one process per tick. */
@Injectable()
export class OrderAutoCompleteJob {
  private readonly logger = new Logger(OrderAutoCompleteJob.name);

  constructor(
    private readonly receipts: OrderReceiptService,
    private readonly passes: ScheduledPasses,
  ) {}

  @Interval(60 * 60_000)
  async tick(): Promise<void> {
    const run = await this.passes.tick('order-auto-complete', { leaseMs: 55 * 60_000 }, () =>
      this.receipts.autoComplete(),
    );
    if (run.ran && run.result) this.logger.log(`Completed ${run.result} shipped orders automatically`);
  }
}
