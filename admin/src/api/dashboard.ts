import type { DashboardTodo, DashboardView } from '@member-commerce/shared';
import { api, call } from './client';

export const getDashboard = () => call<DashboardView>(api.GET('/api/admin/dashboard'));
export const getDashboardTodos = () => call<DashboardTodo[]>(api.GET('/api/admin/dashboard/todos'));
