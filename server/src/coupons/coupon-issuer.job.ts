import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LessThanOrEqual, MoreThan, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { ScheduledPasses } from '../jobs/scheduled-passes';
import { MembershipTerm } from '../membership/membership-term.entity';
import { CouponsService } from './coupons.service';

const BATCH = 500;

/**
 * Issues the monthly coupons of running terms, one process per tick (a database lease). Every issue is keyed
 * (benefit, term, month) too, so a rerun, a crash mid-pass or two passes at once still issue each coupon once.
 */
@Injectable()
export class CouponIssuerJob {
  private readonly logger = new Logger(CouponIssuerJob.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly coupons: CouponsService,
    private readonly clock: Clock,
    private readonly passes: ScheduledPasses,
  ) {}

  @Interval(10 * 60_000)
  async tick(): Promise<void> {
    await this.passes.tick('coupon-issuer', { leaseMs: 9 * 60_000 }, () => this.run());
  }

  /** One pass over the terms running now, in id batches; returns how many coupons were issued. */
  async run(now: Date = this.clock.now()): Promise<number> {
    let issued = 0;
    for (let after = 0; ; ) {
      const terms = await this.transactions.run((manager) =>
        manager.find(MembershipTerm, {
          where: { id: MoreThanOrEqual(after + 1), start: LessThanOrEqual(now), end: MoreThan(now) },
          relations: { membership: true },
          order: { id: 'ASC' },
          take: BATCH,
        }),
      );
      if (!terms.length) break;
      for (const term of terms)
        issued += await this.transactions.run((manager) =>
          this.coupons.issueForTerm(manager, term, term.membership.customerId, now),
        );
      after = terms[terms.length - 1].id;
    }
    if (issued) this.logger.log(`Issued ${issued} coupons`);
    return issued;
  }
}
