import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import {
  AdminAfterSalesView,
  AfterSalesStatus,
  AfterSalesView,
  ErrorCode,
  OPEN_AFTER_SALES_STATUSES,
  Page,
  RefundStatus,
  UNDECIDED_AFTER_SALES_STATUSES,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { Transactions } from '../database/transactions';
import { Order } from '../orders/order.entity';
import { RefundEvents } from '../payments/refund-events';
import { RefundRequestsService } from '../payments/refund-requests.service';
import { RefundRequest } from '../payments/refund-request.entity';
import { Refund } from '../payments/refund.entity';
import { RefundsService } from '../payments/refunds.service';
import { AuditService } from '../staff/audit.service';
import { afterSalesRefusal } from './after-sales-eligibility';
import { AfterSalesRequest } from './after-sales-request.entity';
import { toAdminAfterSalesView, toAfterSalesView } from './after-sales-views';
import { AfterSalesQueryDto, CreateAfterSalesDto } from './dto/after-sales.dto';
import { PhotosService } from './photos.service';
import { SubmitReturnShipmentDto } from './dto/return-address.dto';
import { ReturnAddressService } from './return-address.service';

const RELATIONS = { order: true, customer: true } as const;

/**
 * After-sales: a customer asks for a refund (or a return and refund) of a product order; staff approve or
 * reject it in a queue. Money moves only through RefundRequestsService, so the approver's refund limit applies.
 */
@Injectable()
export class AfterSalesService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly refunds: RefundsService,
    private readonly refundRequests: RefundRequestsService,
    private readonly refundEvents: RefundEvents,
    private readonly photos: PhotosService,
    private readonly returnAddress: ReturnAddressService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The request follows its refund request and its refund to the end, in the transactions that move them. */
  onModuleInit(): void {
    this.refundEvents.listen({
      refundChanged: async (manager, refund) => {
        let row = await manager.findOne(AfterSalesRequest, {
          where: { refundId: refund.id },
          lock: this.transactions.lockMode,
        });
        if (!row) {
          // The refund finance made when approving the request's refund request: link it now.
          const request = await manager.findOneBy(RefundRequest, { refundId: refund.id });
          row = request
            ? await manager.findOne(AfterSalesRequest, {
                where: { refundRequestId: request.id },
                lock: this.transactions.lockMode,
              })
            : null;
          if (row) await manager.update(AfterSalesRequest, { id: row.id }, { refundId: refund.id });
        }
        if (row) await this.follow(manager, row, refund.status);
      },
      requestRejected: async (manager, request) => {
        const row = await manager.findOne(AfterSalesRequest, {
          where: { refundRequestId: request.id },
          lock: this.transactions.lockMode,
        });
        if (row?.status !== AfterSalesStatus.REFUND_REQUESTED) return;
        await manager.update(
          AfterSalesRequest,
          { id: row.id },
          {
            status: AfterSalesStatus.REJECTED,
            openOrderId: null,
            decisionNote: `财务驳回退款：${request.decisionNote ?? ''}`.slice(0, 200),
            decidedBy: request.decidedBy,
            decidedAt: request.decidedAt,
          },
        );
      },
    });
  }

  async create(customerId: number, orderId: number, input: CreateAfterSalesDto): Promise<AfterSalesView> {
    await this.photos.assertAttachable(customerId, orderId, input.photos ?? []);
    try {
      return await this.transactions.run(async (manager) => {
        const order = await manager.findOne(Order, {
          where: { id: orderId, customerId },
          lock: this.transactions.lockMode,
        });
        if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
        const refusal = afterSalesRefusal(order, await manager.existsBy(AfterSalesRequest, { openOrderId: orderId }));
        if (refusal === ErrorCode.AFTER_SALES_NOT_ALLOWED)
          throw conflict(refusal, 'Only a paid or shipped product order can have an after-sales request');
        if (refusal === ErrorCode.AFTER_SALES_ALREADY_OPEN) throw alreadyOpen();
        const amountFen = await this.refunds.checkAmount(manager, orderId, input.amountFen);
        const row = await manager.save(
          manager.create(AfterSalesRequest, {
            orderId,
            openOrderId: orderId,
            customerId,
            type: input.type,
            status: AfterSalesStatus.PENDING,
            reason: input.reason,
            description: input.description ?? '',
            photos: input.photos ?? [],
            amountFen,
            decisionNote: null,
            decidedByStaffId: null,
            decidedBy: null,
            decidedAt: null,
            refundId: null,
            refundRequestId: null,
          }),
        );
        return this.view(manager, await this.getOrThrow(manager, row.id));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    }
  }

  listOwn(customerId: number, orderId?: number): Promise<AfterSalesView[]> {
    return this.transactions.run(async (manager) => {
      const rows = await manager.find(AfterSalesRequest, {
        where: { customerId, ...(orderId ? { orderId } : {}) },
        relations: { order: true },
        order: { id: 'DESC' },
      });
      return Promise.all(rows.map((row) => this.view(manager, row)));
    });
  }

  cancelOwn(customerId: number, id: number): Promise<AfterSalesView> {
    return this.transactions.run(async (manager) => {
      const row = await this.getOrThrow(manager, id, true);
      if (row.customerId !== customerId)
        throw notFound(ErrorCode.AFTER_SALES_NOT_FOUND, `After-sales request ${id} not found`);
      assertUndecided(row);
      await manager.update(AfterSalesRequest, { id }, { status: AfterSalesStatus.CANCELLED, openOrderId: null });
      return this.view(manager, await this.getOrThrow(manager, id));
    });
  }

  /** The 售后 badge on 我的: the customer's requests still open. */
  countOpen(customerId: number, manager: EntityManager): Promise<number> {
    return manager.countBy(AfterSalesRequest, { customerId, status: In([...OPEN_AFTER_SALES_STATUSES]) });
  }

  list(query: AfterSalesQueryDto): Promise<Page<AdminAfterSalesView>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const [rows, total] = await manager.findAndCount(AfterSalesRequest, {
        where: query.status ? { status: query.status } : {},
        relations: RELATIONS,
        order: { id: 'DESC' },
        skip,
        take: pageSize,
      });
      return { items: await Promise.all(rows.map((row) => this.adminView(manager, row))), total, page, pageSize };
    });
  }

  get(id: number): Promise<AdminAfterSalesView> {
    return this.transactions.run(async (manager) => this.adminView(manager, await this.getOrThrow(manager, id)));
  }

  /** REFUND_ONLY: the money goes back now. RETURN_REFUND: the customer is told to send the goods back first. */
  async approve(actor: StaffPrincipal, id: number, note?: string): Promise<AdminAfterSalesView> {
    const row = await this.transactions.run((manager) => this.getOrThrow(manager, id));
    if (row.type === 'REFUND_ONLY') return this.refund(actor, id, AfterSalesStatus.PENDING, note);
    return this.transactions.run(async (manager) => {
      const locked = await this.getOrThrow(manager, id, true);
      if (locked.status !== AfterSalesStatus.PENDING) throw decided(locked);
      const returnAddress = await this.returnAddress.current(manager);
      if (!returnAddress)
        throw conflict(ErrorCode.RETURN_ADDRESS_MISSING, 'Set the return address before approving a return');
      const decision = this.decision(actor, note);
      await manager.update(
        AfterSalesRequest,
        { id },
        { status: AfterSalesStatus.AWAITING_RETURN, ...decision, approvedAt: decision.decidedAt, returnAddress },
      );
      await this.audit.record(manager, actor, {
        action: 'after-sales.approve-return',
        entity: 'after_sales',
        entityId: id,
        before: { status: locked.status },
        after: { status: AfterSalesStatus.AWAITING_RETURN, note },
      });
      return this.adminView(manager, await this.getOrThrow(manager, id));
    });
  }

  /** The customer tells the shop which parcel carries the goods back; they may correct it until it arrives. */
  submitReturnShipment(customerId: number, id: number, input: SubmitReturnShipmentDto): Promise<AfterSalesView> {
    return this.transactions.run(async (manager) => {
      const row = await this.getOrThrow(manager, id, true);
      if (row.customerId !== customerId)
        throw notFound(ErrorCode.AFTER_SALES_NOT_FOUND, `After-sales request ${id} not found`);
      if (row.type !== 'RETURN_REFUND' || row.status !== AfterSalesStatus.AWAITING_RETURN)
        throw conflict(ErrorCode.RETURN_NOT_AWAITED, `After-sales request ${id} is ${row.status}, not awaiting goods`);
      await manager.update(
        AfterSalesRequest,
        { id },
        { returnCarrier: input.carrier, returnTrackingNo: input.trackingNo, returnShippedAt: this.clock.now() },
      );
      return this.view(manager, await this.getOrThrow(manager, id));
    });
  }

  /** RETURN_REFUND: staff confirm the customer's parcel arrived, so the money goes back. */
  async received(actor: StaffPrincipal, id: number, note?: string): Promise<AdminAfterSalesView> {
    const row = await this.transactions.run((manager) => this.getOrThrow(manager, id));
    if (row.type === 'RETURN_REFUND' && row.status === AfterSalesStatus.AWAITING_RETURN && !row.returnShippedAt)
      throw conflict(ErrorCode.RETURN_NOT_SHIPPED, `The customer has not sent request ${id}'s goods back yet`);
    return this.refund(actor, id, AfterSalesStatus.AWAITING_RETURN, note, {
      receivedAt: row.receivedAt ?? this.clock.now(),
    });
  }

  reject(actor: StaffPrincipal, id: number, note: string): Promise<AdminAfterSalesView> {
    return this.transactions.run(async (manager) => {
      const row = await this.getOrThrow(manager, id, true);
      assertUndecided(row);
      await manager.update(
        AfterSalesRequest,
        { id },
        { status: AfterSalesStatus.REJECTED, openOrderId: null, ...this.decision(actor, note) },
      );
      await this.audit.record(manager, actor, {
        action: 'after-sales.reject',
        entity: 'after_sales',
        entityId: id,
        before: { status: row.status },
        after: { status: AfterSalesStatus.REJECTED, note },
      });
      return this.adminView(manager, await this.getOrThrow(manager, id));
    });
  }

  /**
   * The refund runs in its own transactions (it calls WeChat), so the request is first claimed with a conditional
   * update: two staff approving at once make one refund. The request links itself to the refund (or the refund
   * request above the approver's limit) in the transaction that creates it, and from then on follows it.
   */
  private async refund(
    actor: StaffPrincipal,
    id: number,
    from: AfterSalesStatus,
    note?: string,
    claim: Partial<AfterSalesRequest> = {},
  ): Promise<AdminAfterSalesView> {
    const row = await this.transactions.run(async (manager) => {
      const current = await this.getOrThrow(manager, id);
      if (current.status !== from || (from === AfterSalesStatus.AWAITING_RETURN && current.type !== 'RETURN_REFUND'))
        throw decided(current);
      const claimed = await manager.update(
        AfterSalesRequest,
        { id, status: from },
        {
          status: AfterSalesStatus.REFUND_REQUESTED,
          ...this.decision(actor, note ?? current.decisionNote ?? undefined),
          ...claim,
        },
      );
      if (!claimed.affected) throw decided(current);
      // The goods arrived even if the refund then fails to start: that stays recorded.
      if (claim.receivedAt && !current.receivedAt)
        await this.audit.record(manager, actor, {
          action: 'after-sales.receive-return',
          entity: 'after_sales',
          entityId: id,
          before: { status: from },
          after: { receivedAt: claim.receivedAt, trackingNo: current.returnTrackingNo },
        });
      return current;
    });
    try {
      await this.refundRequests.refundOrRequest(
        actor,
        row.orderId,
        { amountFen: row.amountFen, reason: `售后#${row.id} ${row.reason}`.slice(0, 80) },
        {
          onRefund: async (manager, refund) => {
            await manager.update(
              AfterSalesRequest,
              { id },
              { refundId: refund.id, status: afterSalesStatusOfRefund(refund.status) },
            );
          },
          onRequest: async (manager, request) => {
            await manager.update(
              AfterSalesRequest,
              { id },
              { refundRequestId: request.id, status: AfterSalesStatus.REFUND_REQUESTED },
            );
          },
        },
      );
    } catch (error) {
      // Nothing was created (amount, limits, a refund in progress): the request goes back to staff as it was.
      await this.transactions.run((manager) =>
        manager.update(
          AfterSalesRequest,
          { id, status: AfterSalesStatus.REFUND_REQUESTED, refundId: IsNull(), refundRequestId: IsNull() },
          { status: from },
        ),
      );
      throw error;
    }
    return this.transactions.run(async (manager) => {
      const linked = await this.getOrThrow(manager, id);
      await this.audit.record(manager, actor, {
        action: 'after-sales.refund',
        entity: 'after_sales',
        entityId: id,
        before: { status: from },
        after: {
          status: linked.status,
          refundId: linked.refundId,
          refundRequestId: linked.refundRequestId,
          amountFen: row.amountFen,
          note,
        },
      });
      return this.adminView(manager, linked);
    });
  }

  /** Staff change the amount of an undecided request, within what the order still holds (the refund quote). */
  updateAmount(actor: StaffPrincipal, id: number, amountFen: number): Promise<AdminAfterSalesView> {
    return this.transactions.run(async (manager) => {
      const row = await this.getOrThrow(manager, id, true);
      assertUndecided(row);
      await this.refunds.checkAmount(manager, row.orderId, amountFen);
      await manager.update(AfterSalesRequest, { id }, { amountFen });
      await this.audit.record(manager, actor, {
        action: 'after-sales.amount',
        entity: 'after_sales',
        entityId: id,
        before: { amountFen: row.amountFen },
        after: { amountFen },
      });
      return this.adminView(manager, await this.getOrThrow(manager, id));
    });
  }

  /** The refund moved: the request says so, and closes (letting the customer ask again) once the refund is final. */
  private async follow(manager: EntityManager, row: AfterSalesRequest, refundStatus: RefundStatus): Promise<void> {
    const status = afterSalesStatusOfRefund(refundStatus);
    const final = !OPEN_AFTER_SALES_STATUSES.includes(status);
    await manager.update(AfterSalesRequest, { id: row.id }, { status, ...(final ? { openOrderId: null } : {}) });
  }

  private decision(actor: StaffPrincipal, note?: string): Partial<AfterSalesRequest> {
    return {
      decisionNote: note ?? null,
      decidedByStaffId: actor.staffId,
      decidedBy: actor.username,
      decidedAt: this.clock.now(),
    };
  }

  private async getOrThrow(manager: EntityManager, id: number, lock = false): Promise<AfterSalesRequest> {
    const row = lock
      ? await manager.findOne(AfterSalesRequest, { where: { id }, lock: this.transactions.lockMode })
      : await manager.findOne(AfterSalesRequest, { where: { id }, relations: RELATIONS });
    if (!row) throw notFound(ErrorCode.AFTER_SALES_NOT_FOUND, `After-sales request ${id} not found`);
    return row;
  }

  private async links(manager: EntityManager, row: AfterSalesRequest) {
    const refund = row.refundId ? await manager.findOneBy(Refund, { id: row.refundId }) : null;
    const request = row.refundRequestId ? await manager.findOneBy(RefundRequest, { id: row.refundRequestId }) : null;
    return [refund, request] as const;
  }

  private async view(manager: EntityManager, row: AfterSalesRequest): Promise<AfterSalesView> {
    return toAfterSalesView(row, ...(await this.links(manager, row)));
  }

  private async adminView(manager: EntityManager, row: AfterSalesRequest): Promise<AdminAfterSalesView> {
    return toAdminAfterSalesView(row, ...(await this.links(manager, row)));
  }
}

const alreadyOpen = () =>
  conflict(ErrorCode.AFTER_SALES_ALREADY_OPEN, 'This order already has an open after-sales request');
const decided = (row: AfterSalesRequest) =>
  conflict(ErrorCode.AFTER_SALES_DECIDED, `After-sales request ${row.id} is ${row.status}`);

function assertUndecided(row: AfterSalesRequest): void {
  if (!UNDECIDED_AFTER_SALES_STATUSES.includes(row.status)) throw decided(row);
}

/** What an after-sales request says while its refund is in a given state. */
function afterSalesStatusOfRefund(status: RefundStatus): AfterSalesStatus {
  if (status === RefundStatus.SUCCESS) return AfterSalesStatus.REFUNDED;
  if (status === RefundStatus.CLOSED) return AfterSalesStatus.CLOSED;
  if (status === RefundStatus.FAILED || status === RefundStatus.ABNORMAL) return AfterSalesStatus.REFUND_FAILED;
  return AfterSalesStatus.REFUNDING;
}
