import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CallOutcome, CallOutcomeStats, ReminderRuleStats, ReminderStatus } from '@member-commerce/shared';
import { CallRecord } from './call-record.entity';
import { rawNumber } from './raw-values';
import { ReminderRule } from './reminder-rule.entity';
import { Reminder } from './reminder.entity';

const countWhere = (condition: string, alias: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${alias}`;

/** What reminders and calls achieved: per rule and per call outcome, counted in the database. */
@Injectable()
export class ReminderStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perRule(): Promise<ReminderRuleStats[]> {
    const manager = this.dataSource.manager;
    const rules = await manager.find(ReminderRule, { order: { offsetDays: 'ASC', id: 'ASC' } });
    const totals = await manager
      .createQueryBuilder(Reminder, 'r')
      .select('r.ruleId', 'ruleId')
      .addSelect('COUNT(*)', 'due')
      .addSelect(countWhere(`r.status = '${ReminderStatus.SENT}'`, 'sent'))
      .addSelect(countWhere(`r.status = '${ReminderStatus.FAILED}'`, 'failed'))
      .addSelect(countWhere(`r.status = '${ReminderStatus.NO_CONSENT}'`, 'skippedNoConsent'))
      .addSelect(countWhere(`r.status = '${ReminderStatus.CANCELLED}'`, 'cancelled'))
      .addSelect(countWhere('r.inApp = 1', 'inApp'))
      .addSelect(countWhere('r.seenAt IS NOT NULL', 'seen'))
      .addSelect(countWhere('r.convertedAt IS NOT NULL', 'converted'))
      .groupBy('r.ruleId')
      .getRawMany<Record<string, unknown>>();
    const failures = await manager
      .createQueryBuilder(Reminder, 'r')
      .select('r.ruleId', 'ruleId')
      .addSelect('r.errorCode', 'errorCode')
      .addSelect('COUNT(*)', 'count')
      .where('r.status = :failed', { failed: ReminderStatus.FAILED })
      .groupBy('r.ruleId')
      .addGroupBy('r.errorCode')
      .getRawMany<{ ruleId: unknown; errorCode: string | null; count: unknown }>();

    const byRule = new Map(totals.map((row) => [rawNumber(row.ruleId), row]));
    return rules.map((rule) => {
      const row = byRule.get(rule.id) ?? {};
      const failedByCode: Record<string, number> = {};
      for (const f of failures.filter((f) => rawNumber(f.ruleId) === rule.id))
        failedByCode[f.errorCode ?? 'UNKNOWN'] = rawNumber(f.count);
      return {
        ruleId: rule.id,
        name: rule.name,
        offsetDays: rule.offsetDays,
        due: rawNumber(row.due),
        sent: rawNumber(row.sent),
        failed: rawNumber(row.failed),
        failedByCode,
        skippedNoConsent: rawNumber(row.skippedNoConsent),
        inApp: rawNumber(row.inApp),
        seen: rawNumber(row.seen),
        cancelled: rawNumber(row.cancelled),
        converted: rawNumber(row.converted),
      };
    });
  }

  async perCallOutcome(): Promise<CallOutcomeStats[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(CallRecord, 'c')
      .select('c.outcome', 'outcome')
      .addSelect('COUNT(*)', 'calls')
      .addSelect(countWhere('c.convertedAt IS NOT NULL', 'converted'))
      .groupBy('c.outcome')
      .getRawMany<{ outcome: CallOutcome; calls: unknown; converted: unknown }>();
    const byOutcome = new Map(rows.map((row) => [row.outcome, row]));
    return Object.values(CallOutcome).map((outcome) => ({
      outcome,
      calls: rawNumber(byOutcome.get(outcome)?.calls),
      converted: rawNumber(byOutcome.get(outcome)?.converted),
    }));
  }
}
