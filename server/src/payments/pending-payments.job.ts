import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LessThanOrEqual } from 'typeorm';
import { OrderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { OrderClosingService } from '../orders/order-closing.service';
import { Order } from '../orders/order.entity';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { PaymentSettlementService } from './payment-settlement.service';
import { RefundsService } from './refunds.service';

/**
 * Reconciliation: unpaid orders past their expiry are asked about at WeChat first (a lost notify must not
 * lose a paid order), then closed at WeChat and here with their stock released. Processing refunds are
 * queried too.
 */
@Injectable()
export class PendingPaymentsJob {
  private readonly logger = new Logger(PendingPaymentsJob.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly settlement: PaymentSettlementService,
    private readonly closing: OrderClosingService,
    private readonly refunds: RefundsService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    private readonly passes: ScheduledPasses,
  ) {}

  /** Every process's timer fires every 30 s; the lease (25 s, just under that) lets one of them run per interval. */
  @Interval(30_000)
  async tick(): Promise<void> {
    await this.passes.tick('pending-payments', { leaseMs: 25_000 }, () => this.run());
  }

  /** Closes the prepay order at WeChat; false when WeChat refused (paid meanwhile) or did not answer. */
  private async closedAtWechat(outTradeNo: string): Promise<boolean> {
    try {
      await this.wechat.closeTransaction(outTradeNo);
      return true;
    } catch (error) {
      if (error instanceof WechatApiError && error.status === 404) return true; // WeChat never had it: nothing to pay
      this.logger.warn(`close ${outTradeNo}: ${(error as Error).message}`);
      return false;
    }
  }

  /** One pass; returns how many expired orders were paid and closed. */
  async run(limit = 100): Promise<{ paid: number; closed: number; refunds: number }> {
    const expired = await this.transactions.run((manager) =>
      manager.find(Order, {
        where: { status: OrderStatus.PENDING_PAYMENT, expiresAt: LessThanOrEqual(this.clock.now()) },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
    let paid = 0;
    let closed = 0;
    for (const order of expired) {
      const outcome = await this.settlement.reconcile(order.outTradeNo).catch(() => 'UNKNOWN' as const);
      if (outcome === 'PAID' || outcome === 'ALREADY_PAID') {
        paid++;
        continue;
      }
      if (outcome === 'UNKNOWN') continue; // WeChat unreachable: try again next pass rather than close blind.
      if (outcome === 'NOT_PAID' && !(await this.closedAtWechat(order.outTradeNo))) {
        // WeChat would not close it: it may have been paid a moment ago. Its word wins over our timeout.
        const again = await this.settlement.reconcile(order.outTradeNo).catch(() => 'UNKNOWN' as const);
        if (again === 'PAID' || again === 'ALREADY_PAID') paid++;
        if (again !== 'FLAGGED') continue;
      }
      if (
        await this.closing.closeIfUnpaid(
          order.id,
          outcome === 'FLAGGED' ? 'expired, payment flagged' : 'expired unpaid',
        )
      )
        closed++;
    }
    await this.refunds.submitQueued();
    const refunds = await this.refunds.reconcileProcessing();
    if (paid || closed) this.logger.log(`Reconciled expired orders: ${paid} paid, ${closed} closed`);
    return { paid, closed, refunds };
  }
}
