import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, MyReminderView } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Membership } from '../membership/membership.entity';
import { ReminderRule } from './reminder-rule.entity';
import { autoRenewPlans } from './auto-renew-plans';
import { composeReminder } from './reminder-message';
import { Reminder } from './reminder.entity';

/** In-app reminders: the banner a member without a consent credit sees on the next visit. */
@Injectable()
export class MyRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In-app reminders about the membership's current end (a renewal makes older ones moot), unseen first. */
  async list(customerId: number): Promise<MyReminderView[]> {
    const manager = this.dataSource.manager;
    const membership = await manager.findOne(Membership, { where: { customerId }, relations: { tier: true } });
    if (!membership?.termEnd) return [];
    const rows = await manager
      .createQueryBuilder(Reminder, 'r')
      .innerJoinAndMapOne('r.rule', ReminderRule, 'rule', 'rule.id = r.ruleId')
      .where('r.customerId = :customerId AND r.inApp = :inApp AND r.termEnd = :termEnd', {
        customerId,
        inApp: true,
        termEnd: membership.termEnd,
      })
      .orderBy('r.remindedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(20)
      .getMany();
    const now = this.clock.now();
    const plans = await autoRenewPlans(manager, new Map([[customerId, membership.termEnd]]), now);
    const views = rows.map((row) => {
      const rule = (row as Reminder & { rule: ReminderRule }).rule;
      const { text } = composeReminder({
        kind: rule.kind,
        fields: rule.fields,
        tierName: membership.tier?.name ?? '会员',
        termEnd: row.termEnd,
        asOf: now,
        timeZone: this.config.shopTimeZone,
        autoRenew: plans.get(customerId),
      });
      return {
        id: row.id,
        offsetDays: rule.offsetDays,
        termEnd: row.termEnd.toISOString(),
        message: text,
        page: rule.page,
        seen: row.seenAt !== null,
        createdAt: (row.remindedAt ?? row.createdAt).toISOString(),
      };
    });
    return [...views.filter((v) => !v.seen), ...views.filter((v) => v.seen)];
  }

  /** The banner was shown: it stays in the list but no longer pops up. */
  async markSeen(customerId: number, id: number): Promise<void> {
    const result = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(Reminder)
        .set({ seenAt: this.clock.now() })
        .where('id = :id AND customerId = :customerId AND inApp = :inApp', { id, customerId, inApp: true })
        .andWhere('seenAt IS NULL')
        .execute(),
    );
    if (!result.affected) {
      const exists = await this.dataSource.manager.exists(Reminder, { where: { id, customerId, inApp: true } });
      if (!exists) throw notFound(ErrorCode.REMINDER_NOT_FOUND, `Reminder ${id} not found`);
    }
  }
}
