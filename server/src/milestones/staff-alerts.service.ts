import { Injectable } from '@nestjs/common';
import { ErrorCode, StaffAlertView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { StaffAlert } from './staff-alert.entity';

const toView = (row: StaffAlert): StaffAlertView => ({
  id: row.id,
  kind: row.kind,
  customerId: row.customerId,
  orderId: row.orderId,
  message: row.message,
  details: row.details,
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  resolvedBy: row.resolvedBy ?? null,
  resolutionNote: row.resolutionNote ?? null,
});

/** Alerts for staff, newest first; each ends resolved, with who resolved it, when and how. */
@Injectable()
export class StaffAlertsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  recent(limit = 200): Promise<StaffAlertView[]> {
    return this.transactions.run(async (manager) =>
      (await manager.find(StaffAlert, { order: { id: 'DESC' }, take: limit })).map(toView),
    );
  }

  resolve(actor: StaffPrincipal, id: number, note: string): Promise<StaffAlertView> {
    return this.transactions.run(async (manager) => {
      const row = await manager.findOne(StaffAlert, { where: { id }, lock: this.transactions.lockMode });
      if (!row) throw notFound(ErrorCode.ALERT_NOT_FOUND, `提醒 ${id} 不存在`);
      if (row.resolvedAt) throw conflict(ErrorCode.ALREADY_RESOLVED, `这条提醒已由 ${row.resolvedBy ?? '系统'} 处理`);
      Object.assign(row, { resolvedAt: this.clock.now(), resolvedBy: actor.username, resolutionNote: note });
      await manager.save(row);
      await this.audit.record(manager, actor, {
        action: 'alert.resolve',
        entity: 'staff_alert',
        entityId: id,
        before: { resolvedAt: null },
        after: { note },
      });
      return toView(row);
    });
  }
}
