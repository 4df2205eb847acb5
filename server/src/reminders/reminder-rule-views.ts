import type { ReminderRuleView } from '@member-commerce/shared';
import type { ReminderRule } from './reminder-rule.entity';

/** The template a rule sends: its own, or the shop's renewal template. */
export function ruleTemplateId(rule: ReminderRule, defaultTemplateId: string): string {
  return rule.templateId ?? defaultTemplateId;
}

export function toRuleView(rule: ReminderRule, defaultTemplateId: string): ReminderRuleView {
  return {
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    offsetDays: rule.offsetDays,
    templateId: ruleTemplateId(rule, defaultTemplateId),
    customTemplate: rule.templateId !== null,
    page: rule.page,
    fields: rule.fields,
    enabled: rule.enabled,
    updatedAt: rule.updatedAt.toISOString(),
  };
}
