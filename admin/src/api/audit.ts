import type { AuditLogView, Page } from '@member-commerce/shared';
import { http } from './client';

export const listAuditLogs = (query: { page?: number; pageSize?: number } = {}) =>
  http.get<Page<AuditLogView>>('/api/admin/audit-logs', { ...query });
