import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TrialStatsView } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { TrialUse } from './trial-use.entity';

/** Paid terms that count as a conversion: bought, renewed or redeemed from a code. */
const PAID_SOURCES = ['PURCHASE', 'RENEWAL', 'CODE'];

/**
 * Trial conversion for the dashboard: trials started, still running, and converted = the customer holds a paid
 * (or redeemed) term created after the trial started, during the trial or later.
 */
@Injectable()
export class TrialStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async stats(): Promise<TrialStatsView> {
    const now = this.clock.now();
    const rows = await this.dataSource
      .createQueryBuilder(TrialUse, 'u')
      .innerJoin('tier', 'tier', 'tier.id = u.tierId')
      .innerJoin('membership', 'm', 'm.customerId = u.customerId')
      .leftJoin('membership_term', 'trial', 'trial.id = u.termId')
      .select('u.tierId', 'tierId')
      .addSelect('tier.name', 'tierName')
      .addSelect('COUNT(*)', 'started')
      .addSelect('SUM(CASE WHEN trial.start <= :now AND trial.end > :now THEN 1 ELSE 0 END)', 'inTrial')
      .addSelect(
        `SUM(CASE WHEN EXISTS (SELECT 1 FROM membership_term p WHERE p.membershipId = m.id AND p.source IN (:...paid) AND p.createdAt >= u.createdAt) THEN 1 ELSE 0 END)`,
        'converted',
      )
      .setParameters({ now, paid: PAID_SOURCES })
      .groupBy('u.tierId')
      .addGroupBy('tier.name')
      .orderBy('u.tierId', 'ASC')
      .getRawMany<{
        tierId: number | string;
        tierName: string;
        started: number | string;
        inTrial: number | string | null;
        converted: number | string | null;
      }>();
    const byTier = rows.map((row) => ({
      tierId: Number(row.tierId),
      tierName: row.tierName,
      started: Number(row.started),
      converted: Number(row.converted ?? 0),
    }));
    const started = byTier.reduce((sum, row) => sum + row.started, 0);
    const converted = byTier.reduce((sum, row) => sum + row.converted, 0);
    const inTrial = rows.reduce((sum, row) => sum + Number(row.inTrial ?? 0), 0);
    return { started, inTrial, converted, conversionRate: started ? converted / started : null, byTier };
  }
}
