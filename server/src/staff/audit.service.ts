import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../common/auth-principal';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the audit trail of staff changes, inside the caller's transaction so a change and its log row land
 * together. (Caches are not its business: each service that changes a cached area bumps it itself.)
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, staff: StaffPrincipal, entry: AuditEntry): Promise<void> {
    const row = manager.create(AuditLog, {
      staffId: staff.staffId,
      staffUsername: staff.username,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    });
    row.before = entry.before ?? null;
    row.after = entry.after ?? null;
    await manager.save(row);
  }
}
