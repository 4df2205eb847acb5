import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  checkMessageFields,
  CreateReminderRuleRequest,
  ErrorCode,
  ReminderPreview,
  ReminderPreviewRequest,
  ReminderRuleView,
  UpdateReminderRuleRequest,
} from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { Tier } from '../membership/tier.entity';
import { previewReminder, type PreviewSample } from './reminder-preview';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { ReminderRule } from './reminder-rule.entity';
import { ruleTemplateId, toRuleView } from './reminder-rule-views';

/** Staff-editable reminder rules; every change is checked against WeChat's field limits and audited. */
@Injectable()
export class ReminderRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get defaultTemplateId(): string {
    return this.config.wechat.renewalTemplateId;
  }

  async list(): Promise<ReminderRuleView[]> {
    const rules = await this.dataSource.manager.find(ReminderRule, { order: { offsetDays: 'ASC', id: 'ASC' } });
    return rules.map((rule) => toRuleView(rule, this.defaultTemplateId));
  }

  /** Enabled rules, for a pass. */
  enabledRules(manager: EntityManager): Promise<ReminderRule[]> {
    return manager.find(ReminderRule, { where: { enabled: true }, order: { offsetDays: 'ASC', id: 'ASC' } });
  }

  /** Every template a rule may send: the storefront asks consent for these. */
  async templateIds(): Promise<string[]> {
    const rules = await this.dataSource.manager.find(ReminderRule, { where: { enabled: true } });
    return [...new Set([this.defaultTemplateId, ...rules.map((rule) => ruleTemplateId(rule, this.defaultTemplateId))])];
  }

  create(actor: StaffPrincipal, input: CreateReminderRuleRequest): Promise<ReminderRuleView> {
    assertFields(input.fields);
    return this.transactions.run(async (manager) => {
      const rule = await manager.save(
        manager.create(ReminderRule, {
          name: input.name,
          offsetDays: input.offsetDays,
          templateId: input.templateId || null,
          page: input.page,
          fields: input.fields,
          enabled: input.enabled ?? true,
        }),
      );
      const view = toRuleView(rule, this.defaultTemplateId);
      await this.audit.record(manager, actor, {
        action: 'reminder-rule.create',
        entity: 'reminder_rule',
        entityId: rule.id,
        after: view,
      });
      return view;
    });
  }

  /** What a member would receive from these fields (checked like a save), rendered by the code that sends it. */
  async preview(input: ReminderPreviewRequest): Promise<ReminderPreview> {
    assertFields(input.fields);
    const sample = await previewSample(this.dataSource.manager);
    return previewReminder(
      { kind: input.kind ?? 'RENEWAL', offsetDays: input.offsetDays, fields: input.fields },
      sample,
      this.clock.now(),
      this.config.shopTimeZone,
    );
  }

  update(actor: StaffPrincipal, id: number, input: UpdateReminderRuleRequest): Promise<ReminderRuleView> {
    if (input.fields !== undefined) assertFields(input.fields);
    return this.transactions.run(async (manager) => {
      const rule = await manager.findOne(ReminderRule, { where: { id }, lock: this.transactions.lockMode });
      if (!rule) throw notFound(ErrorCode.REMINDER_RULE_NOT_FOUND, `Reminder rule ${id} not found`);
      const before = toRuleView(rule, this.defaultTemplateId);
      if (input.name !== undefined) rule.name = input.name;
      if (input.offsetDays !== undefined) rule.offsetDays = input.offsetDays;
      if (input.templateId !== undefined) rule.templateId = input.templateId || null;
      if (input.page !== undefined) rule.page = input.page;
      if (input.fields !== undefined) rule.fields = input.fields;
      if (input.enabled !== undefined) rule.enabled = input.enabled;
      const saved = await manager.save(rule);
      const after = toRuleView(saved, this.defaultTemplateId);
      await this.audit.record(manager, actor, {
        action: 'reminder-rule.update',
        entity: 'reminder_rule',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}

/** The sample member of previews: the first tier on sale, as a member of it would read the message. */
async function previewSample(manager: EntityManager): Promise<PreviewSample> {
  const tier = await manager.findOne(Tier, { where: { status: 'ACTIVE' }, order: { sortOrder: 'ASC', id: 'ASC' } });
  return { tierName: tier?.name ?? '年卡会员', autoRenewFen: tier?.autoRenewPriceFen ?? tier?.priceFen ?? 100_000 };
}

function assertFields(fields: Record<string, string>): void {
  const problems = checkMessageFields(fields);
  if (problems.length) {
    throw badRequest(
      ErrorCode.REMINDER_FIELDS_INVALID,
      problems.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join('；'),
      problems,
    );
  }
}
