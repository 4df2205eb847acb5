import { messageFieldLabel, type ReminderPreview, type ReminderPreviewMessage } from '@member-commerce/shared';
import { nextChargeOf } from '../auto-renew/auto-renew-schedule';
import { composeReminder, type ReminderMessage } from './reminder-message';
import { formatTermEnd } from './reminder-schedule';

const DAY_MS = 86_400_000;

export interface PreviewSample {
  tierName: string;
  /** What an auto-renew charge of that tier costs. */
  autoRenewFen: number;
}

const asPreview = (message: ReminderMessage): ReminderPreviewMessage => ({
  fields: Object.entries(message.data).map(([key, { value }]) => ({ key, label: messageFieldLabel(key), value })),
  inApp: message.text,
});

/**
 * A rule's message for a sample member on the day the rule fires, made by composeReminder (the code that sends
 * it): as a member who renews by hand, and, for reminders before the end, as one whose term renews by itself.
 */
export function previewReminder(
  input: { kind: 'RENEWAL' | 'GRACE'; offsetDays: number; fields: Record<string, string> },
  sample: PreviewSample,
  now: Date,
  timeZone: string,
): ReminderPreview {
  const termEnd =
    input.kind === 'GRACE' ? new Date(now.getTime() + 3 * DAY_MS) : new Date(now.getTime() - input.offsetDays * DAY_MS);
  const base = { kind: input.kind, fields: input.fields, tierName: sample.tierName, termEnd, asOf: now, timeZone };
  const chargeAt = input.kind === 'RENEWAL' ? nextChargeOf(null, termEnd, now) : null;
  return {
    sample: { tierName: sample.tierName, termEnd: formatTermEnd(termEnd, timeZone) },
    member: asPreview(composeReminder(base)),
    ...(chargeAt
      ? {
          autoRenewMember: asPreview(
            composeReminder({ ...base, autoRenew: { amountFen: sample.autoRenewFen, chargeAt } }),
          ),
        }
      : {}),
  };
}
