import type { Fen } from './money';

/** What became of one (term end, rule) reminder. Every row is written (claimed) before anything is sent. */
export const ReminderStatus = {
  /** Claimed by a pass, nothing attempted yet: a crashed pass's claims are taken over after a lease. */
  CLAIMED: 'CLAIMED',
  /** Re-checked and one consent credit spent, not yet attempted: a crashed pass's READY rows are still sent. */
  READY: 'READY',
  /** The subscribe message is being sent: never retried (at most once, ever); a stale one becomes FAILED/INTERRUPTED. */
  SENDING: 'SENDING',
  SENT: 'SENT',
  FAILED: 'FAILED',
  /** No consent credit: no subscribe message, an in-app reminder instead. */
  NO_CONSENT: 'NO_CONSENT',
  /** The member renewed (or was revoked) before it went out. */
  CANCELLED: 'CANCELLED',
} as const;
export type ReminderStatus = (typeof ReminderStatus)[keyof typeof ReminderStatus];

/** Error codes recorded on a FAILED reminder besides WeChat's own errcodes (e.g. "43101"). */
export const ReminderFailure = {
  /** The pass died between "sending" and the answer: whether WeChat got it is unknown, so it is not resent. */
  INTERRUPTED: 'INTERRUPTED',
  /** No answer from WeChat (timeout, connection refused, HTTP error). */
  TRANSPORT: 'TRANSPORT',
} as const;

/** RENEWAL: sent on a day relative to the term end; GRACE: once, when an auto-renew charge failed (宽限期). */
export type ReminderRuleKind = 'RENEWAL' | 'GRACE';

/** `GET /api/admin/reminders/rules` */
export interface ReminderRuleView {
  id: number;
  name: string;
  kind: ReminderRuleKind;
  /** Days relative to the membership's end: −30 = 30 days before, +3 = 3 days after (win-back). */
  offsetDays: number;
  /** The subscribe-message template this rule sends (the shop's renewal template unless set). */
  templateId: string;
  /** True when the rule names its own template rather than the shop's default. */
  customTemplate: boolean;
  /** Mini-program page the message opens. */
  page: string;
  /** Template fields, e.g. { thing1: '{tierName}即将到期', time2: '{termEnd}' }; see MESSAGE_PLACEHOLDERS. */
  fields: Record<string, string>;
  enabled: boolean;
  updatedAt: string;
}

export interface CreateReminderRuleRequest {
  name: string;
  offsetDays: number;
  /** null or absent: the shop's renewal template (WECHAT_RENEWAL_TEMPLATE_ID). */
  templateId?: string | null;
  page: string;
  fields: Record<string, string>;
  enabled?: boolean;
}
export type UpdateReminderRuleRequest = Partial<CreateReminderRuleRequest>;

/** `POST /api/admin/reminders/rules/preview`: a rule's fields as a sample member would receive them. */
export interface ReminderPreviewRequest {
  kind?: ReminderRuleKind;
  offsetDays: number;
  fields: Record<string, string>;
}

/** One message as the member reads it: each template field by its label, and the in-app banner's sentence. */
export interface ReminderPreviewMessage {
  fields: { key: string; label: string; value: string }[];
  inApp: string;
}

export interface ReminderPreview {
  /** The sample member the preview is rendered for. */
  sample: { tierName: string; termEnd: string };
  /** A member who renews by hand. */
  member: ReminderPreviewMessage;
  /** A member with an active auto-renew contract (renewal rules before the end only). */
  autoRenewMember?: ReminderPreviewMessage;
}

/** `POST /api/admin/reminders/run` */
export interface ReminderRunRequest {
  /** Dev mode only: run the pass as if at this time. */
  now?: string;
}

/** What one pass did. `skipped` = no consent credit (each also became an in-app reminder). */
export interface ReminderRunResult {
  due: number;
  sent: number;
  inApp: number;
  skipped: number;
  failed: number;
}

/** `GET /api/admin/reminders/stats`: one row per rule, counted over every term end it ever fired for. */
export interface ReminderRuleStats {
  ruleId: number;
  name: string;
  offsetDays: number;
  due: number;
  sent: number;
  failed: number;
  /** Failed reminders by error code (WeChat errcode, INTERRUPTED, TRANSPORT). */
  failedByCode: Record<string, number>;
  skippedNoConsent: number;
  inApp: number;
  seen: number;
  cancelled: number;
  /** Renewed within 14 days after the reminder. */
  converted: number;
}

/** `GET /api/me/reminders`: an in-app renewal reminder (banner). */
export interface MyReminderView {
  id: number;
  offsetDays: number;
  termEnd: string;
  /** Ready-to-show text, e.g. "您的年卡会员将于2026年12月31日到期". */
  message: string;
  page: string;
  seen: boolean;
  createdAt: string;
}

export const CallOutcome = {
  REACHED: 'REACHED',
  PROMISED: 'PROMISED',
  DECLINED: 'DECLINED',
  NO_ANSWER: 'NO_ANSWER',
} as const;
export type CallOutcome = (typeof CallOutcome)[keyof typeof CallOutcome];

/** `GET /api/admin/reminders/call-list?withinDays=30&sort=spend` */
export interface CallListEntry {
  customerId: number;
  membershipId: number;
  nickname: string;
  phone: string | null;
  tierName: string;
  termEnd: string;
  daysLeft: number;
  /** Paid product spend, all time, minus refunds. */
  spendFen: Fen;
  consentCredits: number;
  /** Reminders this term end already got (sent or in-app) without a renewal. */
  remindersIgnored: number;
  lastCall: { outcome: CallOutcome; note: string; calledAt: string; staffUsername: string } | null;
}

export interface CallListQuery {
  withinDays?: number;
  sort?: 'spend' | 'termEnd';
}

/** `POST /api/admin/reminders/calls` */
export interface RecordCallRequest {
  customerId: number;
  outcome: CallOutcome;
  note?: string;
}

export interface CallRecordView {
  id: number;
  customerId: number;
  outcome: CallOutcome;
  note: string;
  calledAt: string;
  staffUsername: string;
}

/** `GET /api/admin/reminders/call-stats`: conversion per call outcome. */
export interface CallOutcomeStats {
  outcome: CallOutcome;
  calls: number;
  converted: number;
}

/** Days after a reminder (or a call) within which a renewal counts as converted. */
export const CONVERSION_WINDOW_DAYS = 14;
