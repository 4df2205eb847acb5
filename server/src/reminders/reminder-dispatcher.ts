import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { MembershipStatus, ReminderFailure, ReminderRunResult, ReminderStatus, renderMessageFields } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { Membership } from '../membership/membership.entity';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { ConsentCredit } from './consent-credit.entity';
import { mapWithConcurrency } from './concurrency';
import { emptyCounts } from './pass-counts';
import { ReminderRule } from './reminder-rule.entity';
import { ruleTemplateId } from './reminder-rule-views';
import { isOnItsDay, messageContext } from './reminder-schedule';
import { Reminder } from './reminder.entity';

/** Claims handled per transaction: also the most messages a crash can leave "interrupted". */
const CHUNK = 20;
/** Subscribe-message requests in flight at once. */
const SENDS_IN_FLIGHT = 10;
/** WeChat's answer when the user has no subscription (consent) left for the template. */
const NO_CONSENT_LEFT = 43101;

interface Outgoing {
  reminder: Reminder;
  openid: string;
  data: Record<string, { value: string }>;
}

interface Prepared {
  outgoing: Outgoing[];
  counts: ReminderRunResult;
}

/**
 * Delivers the claims a pass owns, a chunk at a time: re-check the membership, spend a consent credit and mark
 * the claim SENDING (one transaction), send the subscribe messages, record the answers (one transaction).
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

  /** Delivers every CLAIMED row under `claimToken`; `rules` maps rule id → rule (disabled ones cancel). */
  async deliver(claimToken: string, asOf: Date, rules: Map<number, ReminderRule>): Promise<ReminderRunResult> {
    const owned = await this.dataSource.manager.find(Reminder, {
      select: { id: true, ruleId: true },
      where: { claimToken, status: ReminderStatus.CLAIMED },
      order: { ruleId: 'ASC', id: 'ASC' },
    });
    const counts = emptyCounts();
    for (let i = 0; i < owned.length; i += CHUNK) {
      const chunk = owned.slice(i, i + CHUNK);
      for (const ruleId of new Set(chunk.map((r) => r.ruleId))) {
        const ids = chunk.filter((r) => r.ruleId === ruleId).map((r) => r.id);
        const result = await this.deliverChunk(claimToken, ids, asOf, rules.get(ruleId));
        for (const key of Object.keys(counts) as (keyof ReminderRunResult)[]) counts[key] += result[key];
      }
    }
    return counts;
  }

  private async deliverChunk(claimToken: string, ids: number[], asOf: Date, rule: ReminderRule | undefined): Promise<ReminderRunResult> {
    const templateId = rule ? ruleTemplateId(rule, this.config.wechat.renewalTemplateId) : '';
    const prepared = await this.transactions.run((manager) => this.prepare(manager, claimToken, ids, asOf, rule, templateId));
    if (!rule || prepared.outgoing.length === 0) return prepared.counts;

    const answers = await mapWithConcurrency(prepared.outgoing, SENDS_IN_FLIGHT, async (out) => {
      try {
        const result = await this.wechat.sendSubscribeMessage({ openid: out.openid, templateId, page: rule.page, data: out.data });
        return { out, errorCode: result.errcode === 0 ? null : String(result.errcode) };
      } catch (error) {
        // No answer: WeChat may have delivered it, so it is not retried (at most once).
        this.logger.warn(`Subscribe message for reminder ${out.reminder.id} failed: ${(error as Error).message}`);
        const code = error instanceof WechatApiError && typeof error.code === 'number' && error.code > 1000 ? String(error.code) : ReminderFailure.TRANSPORT;
        return { out, errorCode: code };
      }
    });

    const sentIds = answers.filter((a) => a.errorCode === null).map((a) => a.out.reminder.id);
    const failed = answers.filter((a) => a.errorCode !== null);
    await this.transactions.run(async (manager) => {
      if (sentIds.length) await manager.update(Reminder, { id: In(sentIds) }, { status: ReminderStatus.SENT, remindedAt: asOf });
      for (const code of new Set(failed.map((a) => a.errorCode!))) {
        const failedIds = failed.filter((a) => a.errorCode === code).map((a) => a.out.reminder.id);
        await manager.update(Reminder, { id: In(failedIds) }, { status: ReminderStatus.FAILED, errorCode: code, inApp: true, remindedAt: asOf });
      }
      const refused = failed.filter((a) => a.errorCode === String(NO_CONSENT_LEFT)).map((a) => a.out.reminder.customerId);
      if (refused.length) await manager.update(ConsentCredit, { customerId: In(refused), templateId }, { credits: 0 });
    });
    return { ...prepared.counts, sent: sentIds.length, failed: failed.length, inApp: prepared.counts.inApp + failed.length };
  }

  /** Decides each claim under lock: cancelled, in-app (no credit) or SENDING (one credit spent). */
  private async prepare(manager: EntityManager, claimToken: string, ids: number[], asOf: Date, rule: ReminderRule | undefined, templateId: string): Promise<Prepared> {
    const lock = this.transactions.lockMode;
    const claims = await manager.find(Reminder, { where: { id: In(ids), claimToken, status: ReminderStatus.CLAIMED }, order: { id: 'ASC' }, lock });
    const counts = { ...emptyCounts(), due: claims.length };
    if (claims.length === 0) return { outgoing: [], counts };

    const memberships = new Map(
      (await manager.find(Membership, { where: { id: In(claims.map((c) => c.membershipId)) }, relations: { tier: true } })).map((m) => [m.id, m]),
    );
    // Re-checked here, whatever the due query saw: a renewal (or revoke) since then moved or ended the term.
    const stillDue = (claim: Reminder) => {
      const membership = memberships.get(claim.membershipId);
      return (
        rule?.enabled &&
        membership &&
        membership.status !== MembershipStatus.REVOKED &&
        membership.termEnd?.getTime() === claim.termEnd.getTime() &&
        isOnItsDay(rule.offsetDays, claim.termEnd, asOf, this.config.shopTimeZone)
      );
    };
    const cancelled = claims.filter((c) => !stillDue(c));
    const live = claims.filter((c) => stillDue(c));

    const credits = live.length
      ? await manager.find(ConsentCredit, { where: { customerId: In(live.map((c) => c.customerId)), templateId }, lock })
      : [];
    const creditByCustomer = new Map(credits.filter((c) => c.credits > 0).map((c) => [c.customerId, c]));
    const sending = live.filter((c) => creditByCustomer.has(c.customerId));
    const noConsent = live.filter((c) => !creditByCustomer.has(c.customerId));

    if (cancelled.length) await manager.update(Reminder, { id: In(cancelled.map((c) => c.id)) }, { status: ReminderStatus.CANCELLED });
    if (noConsent.length) {
      await manager.update(Reminder, { id: In(noConsent.map((c) => c.id)) }, { status: ReminderStatus.NO_CONSENT, inApp: true, remindedAt: asOf });
    }
    if (sending.length) {
      const creditIds = sending.map((c) => creditByCustomer.get(c.customerId)!.id);
      await manager.createQueryBuilder().update(ConsentCredit).set({ credits: () => 'credits - 1' }).where({ id: In(creditIds) }).execute();
      await manager.update(Reminder, { id: In(sending.map((c) => c.id)) }, { status: ReminderStatus.SENDING, claimedAt: this.clock.now() });
    }

    const openids = new Map(
      (sending.length ? await manager.find(Customer, { select: { id: true, openid: true }, where: { id: In(sending.map((c) => c.customerId)) } }) : []).map((c) => [c.id, c.openid]),
    );
    const outgoing = sending.map((reminder) => {
      const membership = memberships.get(reminder.membershipId)!;
      const context = messageContext(membership.tier?.name ?? '会员', reminder.termEnd, asOf, this.config.shopTimeZone);
      return { reminder, openid: openids.get(reminder.customerId)!, data: renderMessageFields(rule!.fields, context) };
    });
    counts.skipped = noConsent.length;
    counts.inApp = noConsent.length;
    return { outgoing, counts };
  }
}
