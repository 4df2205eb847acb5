import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CacheVersionsService } from '../cache/cache-versions.service';
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
 * together. Every staff write passes here, so this is also where the caches it touches are invalidated, in
 * the same transaction.
 */
@Injectable()
export class AuditService {
  constructor(private readonly cacheVersions: CacheVersionsService) {}

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
    await this.cacheVersions.bumpForStaffWrite(manager, entry.entity);
  }
}
