import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, RefundStatus, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { Refund } from './refund.entity';
import { RefundsService, toRefundView } from './refunds.service';

/**
 * What staff do with a refund that did not go through: a FAILED one (WeChat refused the request) is retried with
 * the same out_refund_no, as WeChat requires, or closed; an ABNORMAL one (WeChat could not pay it back) is paid
 * back offline — its own ledger entry through the order's refund transition — or closed. Every action is audited.
 */
@Injectable()
export class RefundActionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly refunds: RefundsService,
    private readonly audit: AuditService,
  ) {}

  async retry(actor: StaffPrincipal, id: number): Promise<RefundView> {
    const refund = await this.transactions.run(async (manager) => {
      const row = await this.lockedIn(manager, id, [RefundStatus.FAILED]);
      const before = { status: row.status, failureReason: row.failureReason };
      await this.refunds.reopen(manager, row);
      await this.audit.record(manager, actor, {
        action: 'refund.retry',
        entity: 'order',
        entityId: row.orderId,
        before,
        after: { status: row.status, outRefundNo: row.outRefundNo },
      });
      return row;
    });
    return this.refunds.send(refund);
  }

  close(actor: StaffPrincipal, id: number, note: string): Promise<RefundView> {
    return this.transactions.run(async (manager) => {
      const row = await this.lockedIn(manager, id, [RefundStatus.FAILED, RefundStatus.ABNORMAL]);
      const before = { status: row.status, failureReason: row.failureReason };
      const reason = `${row.failureReason ?? ''}；已由 ${actor.username} 关闭：${note}`.replace(/^；/, '');
      await this.refunds.finish(manager, row, { status: 'CLOSED', failureReason: reason.slice(0, 255) });
      await this.audit.record(manager, actor, {
        action: 'refund.close',
        entity: 'order',
        entityId: row.orderId,
        before,
        after: { status: row.status, note },
      });
      return toRefundView(row);
    });
  }

  offline(actor: StaffPrincipal, id: number, note: string): Promise<RefundView> {
    return this.transactions.run(async (manager) => {
      const row = await this.lockedIn(manager, id, [RefundStatus.ABNORMAL]);
      const before = { status: row.status, failureReason: row.failureReason };
      await this.refunds.finish(manager, row, { status: 'SUCCESS', offline: true });
      await this.audit.record(manager, actor, {
        action: 'refund.offline',
        entity: 'order',
        entityId: row.orderId,
        before,
        after: { status: row.status, amountFen: row.amountFen, note },
      });
      return toRefundView(row);
    });
  }

  private async lockedIn(manager: EntityManager, id: number, allowed: RefundStatus[]): Promise<Refund> {
    const row = await manager.findOne(Refund, { where: { id }, lock: this.transactions.lockMode });
    if (!row) throw notFound(ErrorCode.REFUND_NOT_FOUND, `退款 ${id} 不存在`);
    if (!allowed.includes(row.status))
      throw conflict(ErrorCode.REFUND_NOT_RETRYABLE, `这笔退款当前为 ${row.status}，不能执行该操作`);
    return row;
  }
}
