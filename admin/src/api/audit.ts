import type { AuditLogFacets, AuditLogQuery, AuditLogView, Page } from '@member-commerce/shared';
import { http } from './client';

export const listAuditLogs = (query: AuditLogQuery = {}) => http.get<Page<AuditLogView>>('/api/admin/audit-logs', { ...query });

export const getAuditLogFacets = () => http.get<AuditLogFacets>('/api/admin/audit-logs/facets');
