import type { DashboardView } from '@member-commerce/shared';
import { http } from './client';

export const getDashboard = () => http.get<DashboardView>('/api/admin/dashboard');
