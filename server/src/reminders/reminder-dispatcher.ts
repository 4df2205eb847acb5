import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MembershipStatus, ReminderFailure, ReminderRunResult, ReminderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Membership } from '../membership/membership.entity';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { ConsentCredit } from './consent-credit.entity';
import { mapWithConcurrency } from './concurrency';
import { addCounts, emptyCounts } from './pass-counts';
import { ReminderRule } from './reminder-rule.entity';
import { ruleTemplateId } from './reminder-rule-views';
import { autoRenewPlans } from './auto-renew-plans';
import { composeReminder } from './reminder-message';
import { dueTermEndWindow } from './reminder-schedule';
import { Reminder } from './reminder.entity';

/** Claims re-checked (and credits spent) per transaction. */
const PREPARE_CHUNK = 500;
/** Messages marked SENDING together; SEND_CHUNK × CHUNKS_IN_FLIGHT is the most a crash can leave "interrupted". */
const SEND_CHUNK = 20;
const CHUNKS_IN_FLIGHT = 3;
/** Subscribe-message requests in flight at once, per chunk. */
const SENDS_IN_FLIGHT = 10;
/** WeChat's answer when the user has no subscription (consent) left for the template. */
export const NO_CONSENT_LEFT = 43101;

/**
 * Delivers the claims a pass owns. First, a few hundred at a time, each claim is re-checked against the membership
 * and either cancelled, turned into an in-app reminder (no consent credit) or made READY with one credit spent.
 * Then READY ones go out twenty at a time: marked SENDING (committed), sent, their answers recorded.
 */
@Injectable()
export class ReminderDispatcher {
  private readonly logger = new Logger(ReminderDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Delivers every CLAIMED or READY row under `claimToken`; `rules` maps rule id → rule (disabled ones cancel). */
  async deliver(claimToken: string, asOf: Date, rules: Map<number, ReminderRule>): Promise<ReminderRunResult> {
    const counts = emptyCounts();
    const claimed = await this.owned(claimToken, ReminderStatus.CLAIMED);
    for (const [ruleId, ids] of chunksByRule(claimed, PREPARE_CHUNK)) {
      addCounts(
        counts,
        await this.transactions.run((manager) => this.prepare(manager, claimToken, ids, asOf, rules.get(ruleId))),
      );
    }
    const ready = await this.owned(claimToken, ReminderStatus.READY);
    // Taken-over READY rows were counted as due by the pass that prepared them.
    const sent = await mapWithConcurrency(chunksByRule(ready, SEND_CHUNK), CHUNKS_IN_FLIGHT, ([ruleId, ids]) =>
      this.send(claimToken, ids, asOf, rules.get(ruleId)!),
    );
    for (const result of sent) addCounts(counts, result);
    return counts;
  }

  private owned(claimToken: string, status: ReminderStatus): Promise<Reminder[]> {
    return this.dataSource.manager.find(Reminder, {
      select: { id: true, ruleId: true },
      where: { claimToken, status },
      order: { ruleId: 'ASC', id: 'ASC' },
    });
  }

  /** Decides each claim under lock: cancelled, in-app (no credit) or READY (one credit spent). */
  private async prepare(
    manager: EntityManager,
    claimToken: string,
    ids: number[],
    asOf: Date,
    rule: ReminderRule | undefined,
  ): Promise<ReminderRunResult> {
    const lock = this.transactions.lockMode;
    const claims = await manager.find(Reminder, {
      where: { id: In(ids), claimToken, status: ReminderStatus.CLAIMED },
      lock,
    });
    const counts = { ...emptyCounts(), due: claims.length };
    if (claims.length === 0) return counts;

    const memberships = new Map(
      (
        await manager.find(Membership, {
          select: { id: true, status: true, termEnd: true },
          where: { id: In(claims.map((c) => c.membershipId)) },
        })
      ).map((m) => [m.id, m]),
    );
    // Re-checked here, whatever the due query saw: a renewal (or revoke) since then moved or ended the term.
    const window = rule ? dueTermEndWindow(rule.offsetDays, asOf, this.config.shopTimeZone) : undefined;
    const stillDue = (claim: Reminder) => {
      const membership = memberships.get(claim.membershipId);
      return Boolean(
        rule?.enabled &&
          membership &&
          membership.status !== MembershipStatus.REVOKED &&
          membership.termEnd?.getTime() === claim.termEnd.getTime() &&
          window &&
          claim.termEnd >= window.from &&
          claim.termEnd < window.to,
      );
    };
    const cancelled = claims.filter((c) => !stillDue(c));
    const live = claims.filter(stillDue);
    const templateId = rule ? ruleTemplateId(rule, this.config.wechat.renewalTemplateId) : '';
    const credits = live.length
      ? await manager.find(ConsentCredit, {
          where: { customerId: In(live.map((c) => c.customerId)), templateId },
          lock,
        })
      : [];
    const creditByCustomer = new Map(credits.filter((c) => c.credits > 0).map((c) => [c.customerId, c.id]));
    const ready = live.filter((c) => creditByCustomer.has(c.customerId));
    const noConsent = live.filter((c) => !creditByCustomer.has(c.customerId));

    const idsOf = (rows: Reminder[]) => In(rows.map((r) => r.id));
    if (cancelled.length)
      await manager.update(Reminder, { id: idsOf(cancelled) }, { status: ReminderStatus.CANCELLED });
    if (noConsent.length)
      await manager.update(
        Reminder,
        { id: idsOf(noConsent) },
        { status: ReminderStatus.NO_CONSENT, inApp: true, remindedAt: asOf },
      );
    if (ready.length) {
      const creditIds = ready.map((c) => creditByCustomer.get(c.customerId)!);
      await manager
        .createQueryBuilder()
        .update(ConsentCredit)
        .set({ credits: () => 'credits - 1' })
        .where({ id: In(creditIds) })
        .execute();
      await manager.update(Reminder, { id: idsOf(ready) }, { status: ReminderStatus.READY });
    }
    return { ...counts, skipped: noConsent.length, inApp: noConsent.length };
  }

  /** Marks a few READY claims SENDING (committed first: at most once), sends them, records the answers. */
  private async send(claimToken: string, ids: number[], asOf: Date, rule: ReminderRule): Promise<ReminderRunResult> {
    const templateId = ruleTemplateId(rule, this.config.wechat.renewalTemplateId);
    const outgoing = await this.transactions.run(async (manager) => {
      const rows = await manager.find(Reminder, {
        where: { id: In(ids), claimToken, status: ReminderStatus.READY },
        lock: this.transactions.lockMode,
      });
      if (rows.length)
        await manager.update(
          Reminder,
          { id: In(rows.map((r) => r.id)) },
          { status: ReminderStatus.SENDING, claimedAt: this.clock.now() },
        );
      return rows;
    });
    if (outgoing.length === 0) return emptyCounts();
    const memberships = new Map(
      (
        await this.dataSource.manager.find(Membership, {
          where: { id: In(outgoing.map((r) => r.membershipId)) },
          relations: { tier: true, customer: true },
        })
      ).map((m) => [m.id, m]),
    );
    const plans = await autoRenewPlans(
      this.dataSource.manager,
      new Map(outgoing.map((r) => [r.customerId, r.termEnd])),
      asOf,
    );

    const answers = await mapWithConcurrency(outgoing, SENDS_IN_FLIGHT, async (reminder) => {
      const { tier, customer } = memberships.get(reminder.membershipId)!;
      const { data } = composeReminder({
        kind: 'RENEWAL',
        fields: rule.fields,
        tierName: tier?.name ?? '会员',
        termEnd: reminder.termEnd,
        asOf,
        timeZone: this.config.shopTimeZone,
        autoRenew: plans.get(reminder.customerId),
      });
      try {
        const result = await this.wechat.sendSubscribeMessage({
          openid: customer.openid,
          templateId,
          page: rule.page,
          data,
        });
        return { reminder, errorCode: result.errcode === 0 ? null : String(result.errcode) };
      } catch (error) {
        // No answer: WeChat may have delivered it, so it is not retried (at most once).
        this.logger.warn(`Subscribe message for reminder ${reminder.id} failed: ${(error as Error).message}`);
        const code =
          error instanceof WechatApiError && typeof error.code === 'number' && error.code > 1000
            ? String(error.code)
            : ReminderFailure.TRANSPORT;
        return { reminder, errorCode: code };
      }
    });

    const sentIds = answers.filter((a) => a.errorCode === null).map((a) => a.reminder.id);
    const failed = answers.filter((a) => a.errorCode !== null);
    await this.transactions.run(async (manager) => {
      if (sentIds.length)
        await manager.update(Reminder, { id: In(sentIds) }, { status: ReminderStatus.SENT, remindedAt: asOf });
      for (const code of new Set(failed.map((a) => a.errorCode!))) {
        const failedIds = failed.filter((a) => a.errorCode === code).map((a) => a.reminder.id);
        await manager.update(
          Reminder,
          { id: In(failedIds) },
          { status: ReminderStatus.FAILED, errorCode: code, inApp: true, remindedAt: asOf },
        );
      }
      const refused = failed.filter((a) => a.errorCode === String(NO_CONSENT_LEFT)).map((a) => a.reminder.customerId);
      if (refused.length) await manager.update(ConsentCredit, { customerId: In(refused), templateId }, { credits: 0 });
    });
    return { ...emptyCounts(), sent: sentIds.length, failed: failed.length, inApp: failed.length };
  }
}

/** Ids grouped by rule, in chunks of at most `size`. */
function chunksByRule(rows: Reminder[], size: number): [number, number[]][] {
  const chunks: [number, number[]][] = [];
  for (const ruleId of new Set(rows.map((r) => r.ruleId))) {
    const ids = rows.filter((r) => r.ruleId === ruleId).map((r) => r.id);
    for (let i = 0; i < ids.length; i += size) chunks.push([ruleId, ids.slice(i, i + size)]);
  }
  return chunks;
}
