import type {
  CallListEntry,
  CallListQuery,
  CallOutcomeStats,
  CallRecordView,
  CreateReminderRuleRequest,
  RecordCallRequest,
  ReminderPreview,
  ReminderPreviewRequest,
  ReminderRuleStats,
  ReminderRuleView,
  ReminderRunResult,
  UpdateReminderRuleRequest,
} from '@member-commerce/shared';
import { api, call } from './client';

export const listReminderRules = () => call<ReminderRuleView[]>(api.GET('/api/admin/reminders/rules'));

export const createReminderRule = (body: CreateReminderRuleRequest) =>
  call<ReminderRuleView>(api.POST('/api/admin/reminders/rules', { body }));

export const updateReminderRule = (id: number, body: UpdateReminderRuleRequest) =>
  call<ReminderRuleView>(api.PATCH('/api/admin/reminders/rules/{id}', { params: { path: { id } }, body: body }));

/** The rule's message as a sample member receives it, rendered by the server's sending code. */
export const previewReminderRule = (body: ReminderPreviewRequest) =>
  call<ReminderPreview>(api.POST('/api/admin/reminders/rules/preview', { body }));

export const runReminders = () => call<ReminderRunResult>(api.POST('/api/admin/reminders/run', { body: {} }));

export const reminderStats = () => call<ReminderRuleStats[]>(api.GET('/api/admin/reminders/stats'));

export const callOutcomeStats = () => call<CallOutcomeStats[]>(api.GET('/api/admin/reminders/call-stats'));

export const callList = (query: CallListQuery) => call<CallListEntry[]>(api.GET('/api/admin/reminders/call-list', { params: { query } }));

export const recordCall = (body: RecordCallRequest) => call<CallRecordView>(api.POST('/api/admin/reminders/calls', { body }));
