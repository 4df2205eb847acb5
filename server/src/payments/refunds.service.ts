import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus, RefundQuote, RefundStatus, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { LedgerService } from '../finance/ledger.service';
import { MembershipTerm } from '../membership/membership-term.entity';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { Membership } from '../membership/membership.entity';
import { GiftClaim } from '../milestones/gift-claim.entity';
import { SpendService } from '../milestones/spend.service';
import { OrderEvent } from '../orders/order-event.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderStateMachine } from '../orders/order-state';
import { Order } from '../orders/order.entity';
import { newOutRefundNo } from '../orders/out-trade-no';
import { releaseSku } from '../orders/stock';
import { AuditService } from '../staff/audit.service';
import { WECHAT_GATEWAY, WechatGateway, WechatRefund } from '../wechat/wechat-gateway';
import { Refund } from './refund.entity';
import { quoteMembershipRefund, quoteOrderRefund } from './refund-rules';

const REFUNDABLE: OrderStatus[] = [OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED];

export const toRefundView = (refund: Refund): RefundView => ({
  id: refund.id,
  orderId: refund.orderId,
  outRefundNo: refund.outRefundNo,
  amountFen: refund.amountFen,
  status: refund.status,
  reason: refund.reason,
  createdAt: refund.createdAt.toISOString(),
  succeededAt: refund.succeededAt?.toISOString() ?? null,
});

/** Staff-initiated refunds: the quote staff confirm, the WeChat request, and the outcome (notify or query). */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly spend: SpendService,
    private readonly terms: MembershipTermsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  quote(orderId: number): Promise<RefundQuote> {
    return this.transactions.run(async (manager) => this.quoteIn(manager, await this.getOrderOrThrow(manager, orderId)));
  }

  async request(actor: StaffPrincipal, orderId: number, input: { amountFen?: number; reason: string }): Promise<RefundView> {
    const refund = await this.transactions.run(async (manager) => {
      const order = await this.getOrderOrThrow(manager, orderId, true);
      if (order.kind === OrderKind.GIFT) throw conflict(ErrorCode.REFUND_NOT_ALLOWED, 'Gift orders were free: nothing to refund');
      if (!REFUNDABLE.includes(order.status)) throw conflict(ErrorCode.REFUND_NOT_ALLOWED, `A ${order.status} order cannot be refunded`);
      const quote = await this.quoteIn(manager, order);
      const amountFen = input.amountFen ?? quote.refundableFen;
      if (amountFen <= 0 || amountFen > quote.refundableFen) {
        throw badRequest(ErrorCode.REFUND_AMOUNT_INVALID, `The refund must be between ¥0.01 and the refundable ${quote.refundableFen} fen`, quote);
      }
      if (actor.role === 'operator' && amountFen > this.config.operatorRefundLimitFen) {
        throw forbidden(ErrorCode.REFUND_LIMIT_EXCEEDED, `Operators may refund up to ${this.config.operatorRefundLimitFen} fen; ask finance`);
      }
      const created = await manager.save(
        manager.create(Refund, {
          orderId,
          outRefundNo: newOutRefundNo(this.clock.now()),
          refundId: null,
          amountFen,
          status: RefundStatus.PROCESSING,
          reason: input.reason,
          requestedByStaffId: actor.staffId,
          raw: null,
          succeededAt: null,
        }),
      );
      await OrderStateMachine.transition(manager, order, OrderStatus.REFUNDING, this.clock.now(), `refund ${created.outRefundNo}`);
      await this.audit.record(manager, actor, { action: 'order.refund', entity: 'order', entityId: orderId, before: quote, after: { amountFen, reason: input.reason, outRefundNo: created.outRefundNo } });
      return created;
    });
    const order = await this.transactions.run((manager) => manager.findOneByOrFail(Order, { id: orderId }));
    try {
      const result = await this.wechat.createRefund({ outTradeNo: order.outTradeNo, outRefundNo: refund.outRefundNo, refundFen: refund.amountFen, totalFen: order.totalFen, reason: input.reason });
      return toRefundView(await this.apply(result));
    } catch (error) {
      this.logger.error(`Refund ${refund.outRefundNo} request failed: ${(error as Error).message}`);
      await this.apply({ outRefundNo: refund.outRefundNo, outTradeNo: order.outTradeNo, status: 'ABNORMAL', refundFen: refund.amountFen, totalFen: order.totalFen, raw: { error: (error as Error).message } });
      throw new DomainError(ErrorCode.PAYMENT_FAILED, 'WeChat Pay refused or did not answer the refund', HttpStatus.BAD_GATEWAY);
    }
  }

  /** Applies a refund outcome from WeChat (request answer, notify or query) once. */
  apply(result: WechatRefund): Promise<Refund> {
    return this.transactions.run(async (manager) => {
      const refund = await manager.findOne(Refund, { where: { outRefundNo: result.outRefundNo }, lock: this.transactions.lockMode });
      if (!refund) throw notFound(ErrorCode.ORDER_NOT_FOUND, `No refund ${result.outRefundNo}`);
      if (refund.status !== RefundStatus.PROCESSING || result.status === 'PROCESSING') {
        if (result.refundId && !refund.refundId) await manager.update(Refund, { id: refund.id }, { refundId: result.refundId });
        return refund;
      }
      const now = this.clock.now();
      const order = await this.getOrderOrThrow(manager, refund.orderId, true);
      Object.assign(refund, { status: result.status, refundId: result.refundId ?? refund.refundId, raw: result.raw });
      if (result.status === 'SUCCESS') {
        refund.succeededAt = result.successTime ? new Date(result.successTime) : now;
        await manager.save(refund);
        await this.onRefunded(manager, order, refund, now);
      } else {
        await manager.save(refund);
        await OrderStateMachine.transition(manager, order, await this.statusBeforeRefund(manager, order.id), now, `refund ${result.status}`);
      }
      return refund;
    });
  }

  /** Refunds still PROCESSING: ask WeChat (a lost notify must not leave them hanging). */
  async reconcileProcessing(limit = 50): Promise<number> {
    const pending = await this.transactions.run((manager) => manager.find(Refund, { where: { status: RefundStatus.PROCESSING }, take: limit }));
    for (const refund of pending) {
      const result = await this.wechat.queryRefund(refund.outRefundNo).catch(() => null);
      if (result) await this.apply(result);
    }
    return pending.length;
  }

  private async onRefunded(manager: EntityManager, order: Order, refund: Refund, now: Date): Promise<void> {
    const refundedFen = order.refundedFen + refund.amountFen;
    await manager.update(Order, { id: order.id }, { refundedFen });
    const full = refundedFen >= order.totalFen;
    const before = await this.statusBeforeRefund(manager, order.id);
    const restore = full ? OrderStatus.REFUNDED : before;
    const wasShipped = before !== OrderStatus.PAID;
    await OrderStateMachine.transition(manager, order, restore, now, `refunded ${refund.amountFen}`);
    if (order.kind === OrderKind.PRODUCT && full && !wasShipped) {
      for (const line of await manager.findBy(OrderLine, { orderId: order.id })) if (line.skuId) await releaseSku(manager, line.skuId, line.quantity);
    }
    if (order.kind === OrderKind.MEMBERSHIP) {
      const membership = await manager.findOneBy(Membership, { customerId: order.customerId });
      if (membership && membership.status !== 'REVOKED') await this.terms.revoke(manager, membership, `会费退款 ${refund.outRefundNo}`, now);
      await this.ledger.record(manager, {
        sourceKey: `refund:${refund.id}`,
        kind: 'REFUND',
        occurredAt: refund.succeededAt ?? now,
        orderId: order.id,
        customerId: order.customerId,
        tierId: order.tierId,
        termId: (await this.termOf(manager, order.id))?.id ?? null,
        amountFen: -refund.amountFen,
        channelTransactionId: refund.refundId,
      });
    }
  }

  private async quoteIn(manager: EntityManager, order: Order): Promise<RefundQuote> {
    if (order.kind !== OrderKind.MEMBERSHIP) return quoteOrderRefund(order.id, order.totalFen, order.refundedFen);
    const term = await this.termOf(manager, order.id);
    const claims = term ? await manager.findBy(GiftClaim, { termId: term.id }) : [];
    return quoteMembershipRefund({
      orderId: order.id,
      paidFen: order.totalFen,
      alreadyRefundedFen: order.refundedFen,
      giftValueUsedFen: claims.reduce((sum, claim) => sum + claim.valueFen, 0),
      memberSavingsUsedFen: term ? await this.spend.savings(order.customerId, term.id, manager) : 0,
    });
  }

  private termOf(manager: EntityManager, orderId: number): Promise<MembershipTerm | null> {
    return manager.findOne(MembershipTerm, { where: { orderId, source: Not('CARRY_OVER') } });
  }

  private async statusBeforeRefund(manager: EntityManager, orderId: number): Promise<OrderStatus> {
    const event = await manager.findOne(OrderEvent, { where: { orderId, toStatus: OrderStatus.REFUNDING }, order: { id: 'DESC' } });
    return event?.fromStatus ?? OrderStatus.PAID;
  }

  private async getOrderOrThrow(manager: EntityManager, id: number, lock = false): Promise<Order> {
    const order = await manager.findOne(Order, { where: { id }, ...(lock ? { lock: this.transactions.lockMode } : {}) });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
    return order;
  }
}
