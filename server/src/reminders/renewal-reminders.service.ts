import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { CONVERSION_WINDOW_DAYS, DAY_MS, ReminderRunResult, ReminderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Membership } from '../membership/membership.entity';
import { CallRecord } from './call-record.entity';
import { ConsentCredit } from './consent-credit.entity';
import { ruleTemplateId } from './reminder-rule-views';
import { ReminderClaims } from './reminder-claims';
import { ReminderDispatcher } from './reminder-dispatcher';
import { addCounts, emptyCounts } from './pass-counts';
import { GraceNotices } from './grace-notices';
import { ReminderRule } from './reminder-rule.entity';
import { dueTermEndWindow } from './reminder-schedule';
import { Reminder } from './reminder.entity';

/** Memberships looked at per query: memory stays flat however many are due. */
const BATCH = 500;

/**
 * Renewal reminders. A pass finds the (membership end, rule) pairs due today in
 * the shop's time zone, claims each through its unique row, and only then delivers it: two passes at once, or a
 * rerun after a crash, never send a reminder twice.
 */
@Injectable()
export class RenewalRemindersService {
  private readonly logger = new Logger(RenewalRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ReminderClaims,
    private readonly dispatcher: ReminderDispatcher,
    private readonly graceNotices: GraceNotices,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One pass as if at `asOf` (the clock's now unless dev mode says otherwise). */
  async runPass(asOf: Date = this.clock.now()): Promise<ReminderRunResult> {
    const totals = emptyCounts();
    const allRules = await this.dataSource.manager.find(ReminderRule);
    const ruleMap = new Map(allRules.map((rule) => [rule.id, rule]));

    const interrupted = await this.claims.failInterrupted(this.clock.now());
    if (interrupted)
      this.logger.warn(
        `${interrupted} reminders were being sent when a pass died: recorded as failed (INTERRUPTED), not resent`,
      );
    for (
      let token = await this.claims.takeOverStale(this.clock.now(), BATCH);
      token;
      token = await this.claims.takeOverStale(this.clock.now(), BATCH)
    ) {
      addCounts(totals, await this.dispatcher.deliver(token, asOf, ruleMap));
    }

    // While one batch is delivered the next is found and claimed: at most two batches in memory.
    let delivering: Promise<ReminderRunResult> | null = null;
    for (const rule of allRules.filter((r) => r.enabled && r.kind !== 'GRACE')) {
      const window = dueTermEndWindow(rule.offsetDays, asOf, this.config.shopTimeZone);
      for (let after = null; ; ) {
        const candidates = await this.claims.candidates(rule.id, window, after, BATCH);
        if (candidates.length === 0) break;
        after = candidates[candidates.length - 1];
        const token = await this.claims.claim(rule.id, candidates, this.clock.now());
        if (delivering) addCounts(totals, await delivering);
        delivering = this.dispatcher.deliver(token, asOf, ruleMap);
        delivering.catch(() => undefined); // awaited above or below; this only keeps Node from calling it unhandled meanwhile
        if (candidates.length < BATCH) break;
      }
    }
    if (delivering) addCounts(totals, await delivering);
    addCounts(
      totals,
      await this.graceNotices.deliver(
        allRules.find((r) => r.kind === 'GRACE'),
        asOf,
      ),
    );
    if (totals.due) this.logger.log(`Reminder pass: ${JSON.stringify(totals)}`);
    return totals;
  }

  /**
   * Call in the transaction that pays a membership order, after the term is written (the order-transition hook).
   * Claims of the old end not yet sent are cancelled (the pass re-checks anyway; a spent credit is given back), and reminders and staff calls
   * of the last 14 days count as converted. Idempotent.
   */
  async onRenewed(manager: EntityManager, customerId: number, now: Date): Promise<void> {
    const membership = await manager.findOne(Membership, { where: { customerId } });
    if (membership?.termEnd) {
      const pending = await manager.find(Reminder, {
        where: {
          customerId,
          status: In([ReminderStatus.CLAIMED, ReminderStatus.READY]),
          termEnd: LessThan(membership.termEnd),
        },
        lock: this.transactions.lockMode,
      });
      for (const reminder of pending.filter((r) => r.status === ReminderStatus.READY)) {
        // Its consent credit was already spent: give it back, the message will not go out.
        const rule = await manager.findOneBy(ReminderRule, { id: reminder.ruleId });
        const templateId = rule
          ? ruleTemplateId(rule, this.config.wechat.renewalTemplateId)
          : this.config.wechat.renewalTemplateId;
        await manager.increment(ConsentCredit, { customerId, templateId }, 'credits', 1);
      }
      if (pending.length)
        await manager.update(Reminder, { id: In(pending.map((r) => r.id)) }, { status: ReminderStatus.CANCELLED });
    }
    const windowStart = new Date(now.getTime() - CONVERSION_WINDOW_DAYS * DAY_MS);
    await manager.update(
      Reminder,
      {
        customerId,
        convertedAt: IsNull(),
        remindedAt: Between(windowStart, now),
        status: In([ReminderStatus.SENT, ReminderStatus.FAILED, ReminderStatus.NO_CONSENT]),
      },
      { convertedAt: now },
    );
    await manager.update(
      CallRecord,
      { customerId, convertedAt: IsNull(), calledAt: Between(windowStart, now) },
      { convertedAt: now },
    );
  }
}
