import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { WechatMode, ShopCalendar } from '@member-commerce/shared';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ScheduledPasses } from '../../jobs/scheduled-passes';
import { ReconciliationService } from './reconciliation.service';

/** WeChat produces the previous day's bill after 10:00 Beijing time. */
const BILL_READY_HOUR = 10;

/**
 * Once a day, one process (a database lease) downloads yesterday's trade bill and stores its statement. Ticks
 * every half hour: until the statement is stored (WeChat late, a process down) the next tick tries again; once
 * stored, ticks find it and do nothing, so the day is reconciled exactly once.
 */
@Injectable()
export class ReconciliationJob {
  private readonly calendar: ShopCalendar;

  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly passes: ScheduledPasses,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.calendar = new ShopCalendar(config.shopTimeZone);
  }

  @Interval(30 * 60_000)
  async tick(): Promise<void> {
    await this.passes.tick('reconciliation-daily', { leaseMs: 25 * 60_000 }, () => this.run());
  }

  /** Stores yesterday's statement unless it is stored or WeChat cannot have produced it yet; returns whether it wrote. */
  async run(): Promise<boolean> {
    const hour = Number(this.calendar.wallClock(this.clock.now()).slice(11, 13));
    if (this.config.wechat.mode === WechatMode.LIVE && hour < BILL_READY_HOUR) return false;
    return this.reconciliation.store(this.reconciliation.yesterday());
  }
}
