/** Filters of `GET /api/admin/audit-logs` (dates are shop-calendar days, inclusive). */
export interface AuditLogQuery {
  page?: number;
  pageSize?: number;
  staffUsername?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** `GET /api/admin/audit-logs/facets`: the values the filters can take. */
export interface AuditLogFacets {
  staffUsernames: string[];
  actions: string[];
  entities: string[];
}
