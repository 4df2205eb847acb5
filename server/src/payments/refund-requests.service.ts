import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, Page, RefundRequestStatus, RefundRequestView, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { RefundRequestQueryDto } from './dto/refund.dto';
import { RefundEvents } from './refund-events';
import { RefundRequest } from './refund-request.entity';
import { RefundsService, toRefundView } from './refunds.service';
import { Refund } from './refund.entity';

/** Lets a feature (after-sales) link itself to the refund or request, in the transaction that creates it. */
export interface RefundLink {
  onRefund?: (manager: EntityManager, refund: Refund) => Promise<void>;
  onRequest?: (manager: EntityManager, request: RefundRequest) => Promise<void>;
}

export type RefundOutcome =
  | { status: HttpStatus.CREATED; refund: RefundView }
  | { status: HttpStatus.ACCEPTED; request: RefundRequestView };

const toView = (row: RefundRequest, refund?: Refund | null): RefundRequestView => ({
  id: row.id,
  orderId: row.orderId,
  amountFen: row.amountFen,
  reason: row.reason,
  status: row.status,
  requestedBy: row.requestedBy,
  decidedBy: row.decidedBy,
  decisionNote: row.decisionNote,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  refund: refund ? toRefundView(refund) : null,
});

/**
 * Staff refund limits, cumulative per order: an operator's refund that would take the order's refunds past
 * OPERATOR_REFUND_LIMIT_FEN becomes a request that finance or admin approves (the money then moves) or rejects.
 */
@Injectable()
export class RefundRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly refunds: RefundsService,
    private readonly audit: AuditService,
    private readonly events: RefundEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `POST /api/admin/orders/:id/refunds`: a refund now, or a request when the caller's cumulative limit would be
   * passed. The limit is checked and the refund (or request) written under the order's lock, in one transaction.
   */
  async refundOrRequest(
    actor: StaffPrincipal,
    orderId: number,
    input: { amountFen?: number; reason: string },
    link: RefundLink = {},
  ): Promise<RefundOutcome> {
    const limit = this.limitOf(actor);
    const outcome = await this.refunds.start(actor, {
      orderId,
      amountFen: input.amountFen,
      reason: input.reason,
      limitFen: limit,
      onCreated: link.onRefund,
      overLimit: async (manager, amountFen) => {
        const created = await manager.save(
          manager.create(RefundRequest, {
            orderId,
            amountFen,
            reason: input.reason,
            status: 'PENDING' as RefundRequestStatus,
            requestedByStaffId: actor.staffId,
            requestedBy: actor.username,
            decidedByStaffId: null,
            decidedBy: null,
            decisionNote: null,
            decidedAt: null,
            refundId: null,
          }),
        );
        await link.onRequest?.(manager, created);
        await this.audit.record(manager, actor, {
          action: 'refund.request',
          entity: 'order',
          entityId: orderId,
          before: null,
          after: { requestId: created.id, amountFen, reason: input.reason, limitFen: limit },
        });
        return created;
      },
    });
    return 'request' in outcome
      ? { status: HttpStatus.ACCEPTED, request: toView(outcome.request) }
      : { status: HttpStatus.CREATED, refund: outcome.refund };
  }

  /** An order's refund requests, newest first (the staff order view shows the pending one). */
  async listForOrder(manager: EntityManager, orderId: number): Promise<RefundRequestView[]> {
    const rows = await manager.find(RefundRequest, { where: { orderId }, order: { id: 'DESC' } });
    return Promise.all(rows.map((row) => this.view(manager, row)));
  }

  async list(query: RefundRequestQueryDto): Promise<Page<RefundRequestView>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const [rows, total] = await manager.findAndCount(RefundRequest, {
        where: query.status ? { status: query.status } : {},
        order: { id: 'DESC' },
        skip,
        take: pageSize,
      });
      return { items: await Promise.all(rows.map((row) => this.view(manager, row))), total, page, pageSize };
    });
  }

  /** The money moves in the same transaction that marks the request approved; a request is decided once. */
  async approve(actor: StaffPrincipal, id: number, note?: string): Promise<RefundRequestView> {
    const request = await this.transactions.run((manager) => this.pendingOrThrow(manager, id));
    await this.refunds.start(actor, {
      orderId: request.orderId,
      amountFen: request.amountFen,
      reason: request.reason,
      requestId: id,
      onCreated: async (manager, refund) => {
        const locked = await this.pendingOrThrow(manager, id, true);
        await manager.update(RefundRequest, { id }, this.decision(actor, 'APPROVED', note, refund.id));
        await this.audit.record(manager, actor, {
          action: 'refund.approve',
          entity: 'order',
          entityId: locked.orderId,
          before: { requestId: id, status: 'PENDING' },
          after: { status: 'APPROVED', refundId: refund.id, amountFen: refund.amountFen },
        });
      },
    });
    return this.transactions.run(async (manager) =>
      this.view(manager, await manager.findOneByOrFail(RefundRequest, { id })),
    );
  }

  reject(actor: StaffPrincipal, id: number, note: string): Promise<RefundRequestView> {
    return this.transactions.run(async (manager) => {
      const request = await this.pendingOrThrow(manager, id, true);
      await manager.update(RefundRequest, { id }, this.decision(actor, 'REJECTED', note, null));
      await this.events.requestRejected(manager, await manager.findOneByOrFail(RefundRequest, { id }));
      await this.audit.record(manager, actor, {
        action: 'refund.reject',
        entity: 'order',
        entityId: request.orderId,
        before: { requestId: id, status: 'PENDING' },
        after: { status: 'REJECTED', note },
      });
      return this.view(manager, await manager.findOneByOrFail(RefundRequest, { id }));
    });
  }

  /** null: no limit for this role. Support (after-sales) refunds within the operator's limit. */
  private limitOf(actor: StaffPrincipal): number | null {
    return actor.role === 'operator' || actor.role === 'support' ? this.config.operatorRefundLimitFen : null;
  }

  private decision(
    actor: StaffPrincipal,
    status: RefundRequestStatus,
    note: string | undefined,
    refundId: number | null,
  ): Partial<RefundRequest> {
    return {
      status,
      decidedByStaffId: actor.staffId,
      decidedBy: actor.username,
      decisionNote: note ?? null,
      decidedAt: this.clock.now(),
      refundId,
    };
  }

  private async pendingOrThrow(manager: EntityManager, id: number, lock = false): Promise<RefundRequest> {
    const request = await manager.findOne(RefundRequest, {
      where: { id },
      ...(lock ? { lock: this.transactions.lockMode } : {}),
    });
    if (!request) throw notFound(ErrorCode.REFUND_REQUEST_NOT_FOUND, `Refund request ${id} not found`);
    if (request.status !== 'PENDING')
      throw conflict(ErrorCode.REFUND_REQUEST_DECIDED, `Refund request ${id} is already ${request.status}`);
    return request;
  }

  private async view(manager: EntityManager, row: RefundRequest): Promise<RefundRequestView> {
    return toView(row, row.refundId ? await manager.findOneBy(Refund, { id: row.refundId }) : null);
  }
}
