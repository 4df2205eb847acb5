import type { MyReminderView } from '@member-commerce/shared';
import { api, call } from '../request';

export const listMyReminders = () => call<MyReminderView[]>(api.GET('/api/me/reminders'));
export const markReminderSeen = (id: number) =>
  call<void>(api.POST('/api/me/reminders/{id}/seen', { params: { path: { id } } }));
