import {
  AUTO_RENEW_REMINDER_FIELDS,
  formatFen,
  type MessageContext,
  renderMessageFields,
} from '@member-commerce/shared';
import { formatTermEnd, messageContext } from './reminder-schedule';

/** An active auto-renew contract's next charge: the member's term renews by itself. */
export interface AutoRenewPlan {
  amountFen: number;
  chargeAt: Date;
}

export interface ReminderMessageInput {
  kind: 'RENEWAL' | 'GRACE';
  /** The rule's template fields (staff text with placeholders). */
  fields: Record<string, string>;
  tierName: string;
  /** The membership end the reminder is about (for GRACE: the end of the grace period). */
  termEnd: Date;
  asOf: Date;
  timeZone: string;
  /** RENEWAL only: set when the member has an active auto-renew contract. */
  autoRenew?: AutoRenewPlan | null;
}

/** What a member receives: the subscribe message's `data`, and the same news as the in-app banner's sentence. */
export interface ReminderMessage {
  data: Record<string, { value: string }>;
  text: string;
  /** The fields that were filled (the rule's own, or the auto-renew wording). */
  fields: Record<string, string>;
}

const CANCEL_HOW = '如需取消，请在“会员”页关闭自动续费';

/**
 * The one place a reminder's words are made, for sending, for the in-app banner and for the staff preview.
 * A member whose term will renew by itself is told so (amount, date, how to cancel) rather than asked to renew;
 * a member in grace is told what failed, until when member prices are kept, and how to pay.
 */
export function composeReminder(input: ReminderMessageInput): ReminderMessage {
  const base = messageContext(input.tierName, input.termEnd, input.asOf, input.timeZone);
  const end = formatTermEnd(input.termEnd, input.timeZone);
  if (input.kind === 'GRACE') {
    const context: MessageContext = { ...base, graceUntil: end };
    return {
      fields: input.fields,
      data: renderMessageFields(input.fields, context),
      text: `您的${input.tierName}自动续费扣款未成功。会员价与权益保留至${end}（宽限期），请在此之前到“会员”页手动续费，逾期会员将到期`,
    };
  }
  const plan = input.termEnd > input.asOf ? input.autoRenew : null;
  if (plan) {
    const chargeDate = formatTermEnd(plan.chargeAt, input.timeZone);
    const chargeAmount = formatFen(plan.amountFen);
    const context: MessageContext = { ...base, chargeDate, chargeAmount };
    // The rule's template keys, each worded for auto-renew where the auto-renew wording has that key.
    const fields = Object.fromEntries(
      Object.entries(input.fields).map(([key, text]) => [key, AUTO_RENEW_REMINDER_FIELDS[key] ?? text]),
    );
    return {
      fields,
      data: renderMessageFields(fields, context),
      text: `您的${input.tierName}已开通自动续费，将于${chargeDate}自动扣款${chargeAmount}续费一期，无需手动续费；${CANCEL_HOW}`,
    };
  }
  const ended = input.termEnd.getTime() <= input.asOf.getTime();
  return {
    fields: input.fields,
    data: renderMessageFields(input.fields, base),
    text: ended
      ? `您的${input.tierName}已于${end}到期，续费即可恢复会员价与权益`
      : `您的${input.tierName}将于${end}到期，提前续费不丢天数`,
  };
}
