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
import { http } from './client';

export const listReminderRules = () => http.get<ReminderRuleView[]>('/api/admin/reminders/rules');

export const createReminderRule = (body: CreateReminderRuleRequest) => http.post<ReminderRuleView>('/api/admin/reminders/rules', body);

export const updateReminderRule = (id: number, body: UpdateReminderRuleRequest) =>
  http.patch<ReminderRuleView>(`/api/admin/reminders/rules/${id}`, body);

/** The rule's message as a sample member receives it, rendered by the server's sending code. */
export const previewReminderRule = (body: ReminderPreviewRequest) => http.post<ReminderPreview>('/api/admin/reminders/rules/preview', body);

export const runReminders = () => http.post<ReminderRunResult>('/api/admin/reminders/run', {});

export const reminderStats = () => http.get<ReminderRuleStats[]>('/api/admin/reminders/stats');

export const callOutcomeStats = () => http.get<CallOutcomeStats[]>('/api/admin/reminders/call-stats');

export const callList = (query: CallListQuery) => http.get<CallListEntry[]>('/api/admin/reminders/call-list', { ...query });

export const recordCall = (body: RecordCallRequest) => http.post<CallRecordView>('/api/admin/reminders/calls', body);
