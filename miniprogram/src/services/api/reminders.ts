import type { MyReminderView } from '@member-commerce/shared';
import { http } from '../request';

export const listMyReminders = () => http.get<MyReminderView[]>('/api/me/reminders');
export const markReminderSeen = (id: number) => http.post<void>(`/api/me/reminders/${id}/seen`);
