import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { ReminderFailure, ReminderRunResult, ReminderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { AutoRenewCycle } from '../auto-renew/auto-renew-cycle.entity';
import { Membership } from '../membership/membership.entity';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { ConsentCredit } from './consent-credit.entity';
import { NO_CONSENT_LEFT } from './reminder-dispatcher';
import { composeReminder } from './reminder-message';
import { ReminderRule } from './reminder-rule.entity';
import { ruleTemplateId } from './reminder-rule-views';
import { emptyCounts } from './pass-counts';
import { Reminder } from './reminder.entity';

/**
 * The message a member gets when an auto-renew charge failed and the term entered its grace period (宽限期): what
 * happened, until when member prices are kept, how to pay. Sent once per grace (the reminder row, unique per
 * membership, rule and grace end, is inserted before anything is sent), by subscribe message when the member
 * holds a consent credit, otherwise in-app.
 */
@Injectable()
export class GraceNotices {
  private readonly logger = new Logger(GraceNotices.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(rule: ReminderRule | undefined, asOf: Date): Promise<ReminderRunResult> {
    const counts = emptyCounts();
    if (!rule?.enabled) return counts;
    const graces = await this.dataSource.manager.find(AutoRenewCycle, {
      where: { status: 'GRACE', graceUntil: MoreThan(asOf) },
      order: { id: 'ASC' },
    });
    for (const cycle of graces) {
      const membership = await this.dataSource.manager.findOne(Membership, {
        where: { customerId: cycle.customerId },
        relations: { tier: true, customer: true },
      });
      if (!membership?.termEnd || membership.termEnd <= asOf) continue;
      const claimed = await this.claim(rule, membership, asOf);
      if (!claimed) continue;
      counts.due++;
      const outcome = await this.send(rule, membership, claimed, asOf);
      counts[outcome]++;
      if (outcome !== 'sent') counts.inApp++;
    }
    return counts;
  }

  /** Inserts the row (a second pass, or another process, finds it there) and spends a credit if there is one. */
  private claim(rule: ReminderRule, membership: Membership, asOf: Date): Promise<Reminder | null> {
    const claimToken = randomUUID();
    const templateId = ruleTemplateId(rule, this.config.wechat.renewalTemplateId);
    return this.transactions.run(async (manager) => {
      const key = { membershipId: membership.id, ruleId: rule.id, termEnd: membership.termEnd! };
      await manager
        .createQueryBuilder()
        .insert()
        .into(Reminder)
        .values({
          ...key,
          customerId: membership.customerId,
          status: ReminderStatus.CLAIMED,
          claimToken,
          claimedAt: this.clock.now(),
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
      const mine = await manager.findOneBy(Reminder, { ...key, claimToken, status: ReminderStatus.CLAIMED });
      if (!mine) return null;
      const credit = await manager.findOne(ConsentCredit, {
        where: { customerId: membership.customerId, templateId },
        lock: this.transactions.lockMode,
      });
      if (credit && credit.credits > 0) {
        await manager.decrement(ConsentCredit, { id: credit.id }, 'credits', 1);
        await manager.update(Reminder, { id: mine.id }, { status: ReminderStatus.SENDING });
        mine.status = ReminderStatus.SENDING;
      } else {
        await manager.update(
          Reminder,
          { id: mine.id },
          { status: ReminderStatus.NO_CONSENT, inApp: true, remindedAt: asOf },
        );
        mine.status = ReminderStatus.NO_CONSENT;
      }
      return mine;
    });
  }

  private async send(
    rule: ReminderRule,
    membership: Membership,
    reminder: Reminder,
    asOf: Date,
  ): Promise<'sent' | 'failed' | 'skipped'> {
    if (reminder.status === ReminderStatus.NO_CONSENT) return 'skipped';
    const templateId = ruleTemplateId(rule, this.config.wechat.renewalTemplateId);
    const { data } = composeReminder({
      kind: 'GRACE',
      fields: rule.fields,
      tierName: membership.tier?.name ?? '会员',
      termEnd: membership.termEnd!,
      asOf,
      timeZone: this.config.shopTimeZone,
    });
    let errorCode: string | null;
    try {
      const result = await this.wechat.sendSubscribeMessage({
        openid: membership.customer.openid,
        templateId,
        page: rule.page,
        data,
      });
      errorCode = result.errcode === 0 ? null : String(result.errcode);
    } catch (error) {
      this.logger.warn(`Grace notice ${reminder.id} failed: ${(error as Error).message}`);
      errorCode =
        error instanceof WechatApiError && typeof error.code === 'number' && error.code > 1000
          ? String(error.code)
          : ReminderFailure.TRANSPORT;
    }
    await this.transactions.run(async (manager) => {
      await manager.update(
        Reminder,
        { id: reminder.id },
        errorCode
          ? { status: ReminderStatus.FAILED, errorCode, inApp: true, remindedAt: asOf }
          : { status: ReminderStatus.SENT, remindedAt: asOf },
      );
      if (errorCode === String(NO_CONSENT_LEFT))
        await manager.update(ConsentCredit, { customerId: membership.customerId, templateId }, { credits: 0 });
    });
    return errorCode ? 'failed' : 'sent';
  }
}
