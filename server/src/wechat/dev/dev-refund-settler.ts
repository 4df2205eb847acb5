import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ScheduledPasses } from '../../jobs/scheduled-passes';
import { WechatSimulator } from './wechat-simulator';

/**
 * Dev mode: like WeChat, the simulator finishes accepted refunds by itself after DEV_REFUND_SETTLE_SECONDS and
 * sends the REFUND.SUCCESS notification to the notify route. Every process's timer may look; the simulator's
 * conditional update lets exactly one of them finish (and notify) each refund.
 */
@Injectable()
export class DevRefundSettler {
  private readonly logger = new Logger(DevRefundSettler.name);
  constructor(
    private readonly passes: ScheduledPasses,
    private readonly simulator: WechatSimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval(2_000)
  async tick(): Promise<void> {
    await this.passes.tick('dev-refund-settler', {}, () => this.run());
  }

  /** One pass: finishes the refunds whose delay is over, notifies for each; returns how many. */
  async run(): Promise<number> {
    const settled = await this.simulator.settleDueRefunds(this.config.devRefundSettleSeconds * 1000);
    for (const outRefundNo of settled) {
      const notification = await this.simulator.buildRefundNotification(outRefundNo);
      // A failed delivery is not retried here: the server's reconciliation queries the refund, as with WeChat.
      await this.simulator
        .deliverNotification(`${this.config.publicUrl}/api/payments/wechat/notify`, notification)
        .catch((error) => {
          this.logger.warn(`Refund notification ${outRefundNo} not delivered: ${(error as Error).message}`);
        });
    }
    return settled.length;
  }
}
