import type { AuditLogFacets, AuditLogQuery, AuditLogView, Page } from '@member-commerce/shared';
import { api, call } from './client';

export const listAuditLogs = (query: AuditLogQuery = {}) =>
  call<Page<AuditLogView>>(api.GET('/api/admin/audit-logs', { params: { query } }));

export const getAuditLogFacets = () => call<AuditLogFacets>(api.GET('/api/admin/audit-logs/facets'));
