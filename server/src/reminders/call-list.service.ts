import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CallListEntry,
  CallListQuery,
  CallRecordView,
  DAY_MS,
  daysLeft,
  ErrorCode,
  MembershipStatus,
  RecordCallRequest,
  ReminderStatus,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Membership } from '../membership/membership.entity';
import { productSpend } from '../orders/product-spend';
import { AuditService } from '../staff/audit.service';
import { CallRecord } from './call-record.entity';
import { rawDate, rawNumber } from './raw-values';

const REACHED_MEMBER = [ReminderStatus.SENT, ReminderStatus.NO_CONSENT, ReminderStatus.FAILED];
const MAX_ROWS = 200;

const toCallView = (call: CallRecord): CallRecordView => ({
  id: call.id,
  customerId: call.customerId,
  outcome: call.outcome,
  note: call.note,
  calledAt: call.calledAt.toISOString(),
  staffUsername: call.staffUsername,
});

/**
 * Staff's phone list: members whose term ends soon and whom WeChat cannot reach (no consent credit) or who let
 * their reminders pass, most valuable first. Outcomes are recorded and count toward conversion like reminders.
 */
@Injectable()
export class CallListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: CallListQuery): Promise<CallListEntry[]> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + (query.withinDays ?? 30) * DAY_MS);
    const reminded = `(SELECT COUNT(*) FROM reminder r WHERE r.membershipId = m.id AND r.termEnd = m.termEnd AND r.status IN (:...reached))`;
    // Lifetime product spend as a subquery, so the list sorts by it before LIMIT.
    const spend = `(SELECT ${productSpend.sum('o')} FROM customer_order o
      WHERE o.customerId = m.customerId AND ${productSpend.counts('o')})`;
    const qb = this.dataSource.manager
      .createQueryBuilder(Membership, 'm')
      .innerJoin('m.customer', 'c')
      .innerJoin('m.tier', 't')
      .leftJoin('consent_credit', 'cc', 'cc.customerId = m.customerId AND cc.templateId = :template', {
        template: this.config.wechat.renewalTemplateId,
      })
      .select('m.id', 'membershipId')
      .addSelect('m.customerId', 'customerId')
      .addSelect('m.termEnd', 'termEnd')
      .addSelect('c.nickname', 'nickname')
      .addSelect('c.phone', 'phone')
      .addSelect('t.name', 'tierName')
      .addSelect('COALESCE(cc.credits, 0)', 'credits')
      .addSelect(reminded, 'reminded')
      .addSelect(spend, 'spendFen')
      .where('m.termEnd > :now AND m.termEnd <= :until', { now, until })
      .andWhere('m.status <> :revoked', { revoked: MembershipStatus.REVOKED })
      .andWhere(`(COALESCE(cc.credits, 0) = 0 OR ${reminded} > 0)`)
      .setParameters({ reached: REACHED_MEMBER, ...productSpend.parameters })
      .limit(MAX_ROWS);
    if (query.sort === 'termEnd') qb.orderBy('m.termEnd', 'ASC');
    else qb.orderBy('spendFen', 'DESC').addOrderBy('m.termEnd', 'ASC');
    const rows = await qb.getRawMany<Record<string, unknown>>();

    const customerIds = rows.map((row) => rawNumber(row.customerId));
    const calls = customerIds.length
      ? await this.dataSource.manager.find(CallRecord, {
          where: { customerId: In(customerIds) },
          order: { calledAt: 'DESC', id: 'DESC' },
        })
      : [];
    const lastCall = new Map<number, CallRecord>();
    for (const call of calls) if (!lastCall.has(call.customerId)) lastCall.set(call.customerId, call);

    return rows.map((row) => {
      const customerId = rawNumber(row.customerId);
      const termEnd = rawDate(row.termEnd);
      const call = lastCall.get(customerId);
      return {
        customerId,
        membershipId: rawNumber(row.membershipId),
        nickname: String(row.nickname ?? ''),
        phone: (row.phone as string | null) ?? null,
        tierName: String(row.tierName ?? ''),
        termEnd: termEnd.toISOString(),
        daysLeft: daysLeft(termEnd, now, this.config.shopTimeZone),
        spendFen: rawNumber(row.spendFen),
        consentCredits: rawNumber(row.credits),
        remindersIgnored: rawNumber(row.reminded),
        lastCall: call
          ? {
              outcome: call.outcome,
              note: call.note,
              calledAt: call.calledAt.toISOString(),
              staffUsername: call.staffUsername,
            }
          : null,
      };
    });
  }

  record(actor: StaffPrincipal, input: RecordCallRequest): Promise<CallRecordView> {
    return this.transactions.run(async (manager) => {
      const membership = await manager.findOne(Membership, { where: { customerId: input.customerId } });
      if (!membership?.termEnd)
        throw notFound(ErrorCode.MEMBERSHIP_NOT_FOUND, `Customer ${input.customerId} has no membership`);
      const call = await manager.save(
        manager.create(CallRecord, {
          customerId: input.customerId,
          membershipId: membership.id,
          termEnd: membership.termEnd,
          outcome: input.outcome,
          note: input.note ?? '',
          staffId: actor.staffId,
          staffUsername: actor.username,
          calledAt: this.clock.now(),
          convertedAt: null,
        }),
      );
      const view = toCallView(call);
      await this.audit.record(manager, actor, {
        action: 'reminder-call.record',
        entity: 'call_record',
        entityId: call.id,
        after: view,
      });
      return view;
    });
  }
}
