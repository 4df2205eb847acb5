import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { WechatShipping } from './wechat-shipping.entity';
import { WechatShippingUploader } from './wechat-shipping-uploader';

const BATCH = 50;

/**
 * Uploads queued shipping information and retries failed uploads when due, one process per tick (a database
 * lease); each row is claimed as well, so a staff retry at the same moment does not upload it twice.
 */
@Injectable()
export class WechatShippingJob {
  private readonly logger = new Logger(WechatShippingJob.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly uploader: WechatShippingUploader,
    private readonly clock: Clock,
    private readonly passes: ScheduledPasses,
  ) {}

  @Interval(20_000)
  async tick(): Promise<void> {
    await this.passes.tick('wechat-shipping', { leaseMs: 18_000 }, () => this.run());
  }

  /** One pass over the uploads that are due; returns how many were sent to WeChat. */
  async run(now: Date = this.clock.now()): Promise<number> {
    const due = await this.transactions.run((manager) =>
      manager.find(WechatShipping, {
        where: { status: In(['PENDING', 'FAILED']), nextAttemptAt: LessThanOrEqual(now) },
        order: { nextAttemptAt: 'ASC' },
        take: BATCH,
      }),
    );
    let sent = 0;
    for (const row of due) {
      try {
        if (await this.uploader.upload(row.id)) sent++;
      } catch (error) {
        this.logger.warn(`Shipping upload of order ${row.orderId}: ${(error as Error).message}`);
      }
    }
    return sent;
  }
}
