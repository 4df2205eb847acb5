import type { DashboardTodo, DashboardView } from '@member-commerce/shared';
import { http } from './client';

export const getDashboard = () => http.get<DashboardView>('/api/admin/dashboard');
export const getDashboardTodos = () => http.get<DashboardTodo[]>('/api/admin/dashboard/todos');
