import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus, PaymentStatus, RefundQuote, RefundStatus, RefundView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { MembershipTerm } from '../membership/membership-term.entity';
import { CouponsService } from '../coupons/coupons.service';
import { GiftClaim } from '../milestones/gift-claim.entity';
import { SpendService } from '../milestones/spend.service';
import { OrderEvent } from '../orders/order-event.entity';
import { MEMBERSHIP_FEE_KINDS, OrderStateMachine, REFUNDABLE_STATUSES } from '../orders/order-state';
import { Order } from '../orders/order.entity';
import { newOutRefundNo } from '../orders/out-trade-no';
import { AuditService } from '../staff/audit.service';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway, WechatRefund } from '../wechat/wechat-gateway';
import { Payment } from './payment.entity';
import { quoteMembershipRefund, quoteOrderRefund, quotePaymentRefund } from './refund-rules';
import { Refund } from './refund.entity';

/** Refunds that still count against the money we hold. */
const LIVE_REFUNDS = [RefundStatus.PROCESSING, RefundStatus.SUCCESS];

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

/** What staff may refund on an order now, and whether it is the order's money or a flagged payment's. */
interface Refundable {
  order: Order;
  payment: Payment;
  quote: RefundQuote;
  /** false: money of a flagged payment, returned without touching the order. */
  ofOrder: boolean;
}

export interface StartRefund {
  orderId: number;
  amountFen?: number;
  reason: string;
  /** Runs in the refund's transaction once it is created (a refund request marks itself approved). */
  onCreated?: (manager: EntityManager, refund: Refund) => Promise<void>;
}

/**
 * Refunds: the quote staff confirm, the WeChat request, and the outcome (notify or query). Any money we hold
 * can be returned: a paid order's (DESIGN.md rule, through the order's REFUNDING state), or a flagged payment's
 * whatever the order's status.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly spend: SpendService,
    private readonly coupons: CouponsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  quote(orderId: number): Promise<RefundQuote> {
    return this.transactions.run(async (manager) => (await this.refundable(manager, orderId)).quote);
  }

  /** Refund rows of an order, newest first. */
  async listForOrder(manager: EntityManager, orderId: number): Promise<RefundView[]> {
    return (await manager.find(Refund, { where: { orderId }, order: { id: 'DESC' } })).map(toRefundView);
  }

  /** The refunded total of an order's live refunds (processing and succeeded): what operator limits add up. */
  async refundedSoFar(manager: EntityManager, orderId: number): Promise<number> {
    const refunds = await manager.findBy(Refund, { orderId, status: In(LIVE_REFUNDS) });
    return refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
  }

  /** Resolves the amount (default: everything refundable) and checks it, without writing anything. */
  async checkAmount(manager: EntityManager, orderId: number, amountFen?: number): Promise<number> {
    const { quote } = await this.refundable(manager, orderId);
    const amount = amountFen ?? quote.refundableFen;
    if (amount <= 0 || amount > quote.refundableFen) {
      throw badRequest(ErrorCode.REFUND_AMOUNT_INVALID, `The refund must be between ¥0.01 and the refundable ${quote.refundableFen} fen`, quote);
    }
    return amount;
  }

  /** Creates the refund and asks WeChat for it; the caller has checked the staff member's limits. */
  async start(actor: StaffPrincipal, input: StartRefund): Promise<RefundView> {
    const { refund, totalFen, outTradeNo } = await this.transactions.run(async (manager) => {
      const { order, payment, quote, ofOrder } = await this.refundable(manager, input.orderId, true);
      const amountFen = await this.checkAmount(manager, input.orderId, input.amountFen);
      const now = this.clock.now();
      const created = await manager.save(
        manager.create(Refund, {
          orderId: order.id,
          outRefundNo: newOutRefundNo(now),
          refundId: null,
          amountFen,
          status: RefundStatus.PROCESSING,
          reason: input.reason,
          requestedByStaffId: actor.staffId,
          endsTerm: ofOrder && MEMBERSHIP_FEE_KINDS.includes(order.kind) && amountFen === quote.refundableFen,
          raw: null,
          succeededAt: null,
        }),
      );
      if (ofOrder) await this.machine.transition(manager, order, OrderStatus.REFUNDING, now, `refund ${created.outRefundNo}`);
      await input.onCreated?.(manager, created);
      await this.audit.record(manager, actor, {
        action: ofOrder ? 'order.refund' : 'payment.refund',
        entity: 'order',
        entityId: order.id,
        before: quote,
        after: { amountFen, reason: input.reason, outRefundNo: created.outRefundNo },
      });
      return { refund: created, totalFen: payment.paidFen ?? payment.amountFen, outTradeNo: order.outTradeNo };
    });
    try {
      const result = await this.wechat.createRefund({ outTradeNo, outRefundNo: refund.outRefundNo, refundFen: refund.amountFen, totalFen, reason: input.reason });
      return toRefundView(await this.apply(result));
    } catch (error) {
      this.logger.error(`Refund ${refund.outRefundNo} request failed: ${(error as Error).message}`);
      if (error instanceof WechatApiError && error.status < 500) {
        // WeChat refused it: no money moves, the refund is closed and the order goes back to where it was.
        await this.apply({ outRefundNo: refund.outRefundNo, outTradeNo, status: 'CLOSED', refundFen: refund.amountFen, totalFen, raw: { error: error.message } });
        throw conflict(ErrorCode.REFUND_REJECTED, `WeChat Pay refused the refund (${error.code})`, { wechatCode: error.code });
      }
      // No answer: WeChat may have taken it. The refund stays PROCESSING and reconciliation asks WeChat about it.
      throw new DomainError(ErrorCode.PAYMENT_FAILED, 'WeChat Pay did not answer; the refund will be checked with WeChat shortly', HttpStatus.BAD_GATEWAY);
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
      const order = await manager.findOneOrFail(Order, { where: { id: refund.orderId }, lock: this.transactions.lockMode });
      const succeeded = result.status === 'SUCCESS';
      Object.assign(refund, { status: result.status, refundId: result.refundId ?? refund.refundId, raw: result.raw, succeededAt: succeeded ? (result.successTime ? new Date(result.successTime) : now) : null });
      await manager.save(refund);
      if (succeeded) {
        order.refundedFen += refund.amountFen;
        await manager.update(Order, { id: order.id }, { refundedFen: order.refundedFen });
      }
      if (order.status !== OrderStatus.REFUNDING) return refund; // a flagged payment's money: the order is not moved
      const before = await this.statusBeforeRefund(manager, order.id);
      const ends = succeeded && (order.refundedFen >= order.totalFen || refund.endsTerm);
      await this.machine.transition(manager, order, ends ? OrderStatus.REFUNDED : before, now, succeeded ? `refunded ${refund.amountFen}` : `refund ${result.status}`, {
        refund: {
          id: refund.id,
          amountFen: refund.amountFen,
          refundId: refund.refundId,
          succeeded,
          endsTerm: succeeded && refund.endsTerm,
          restock: ends && order.kind === OrderKind.PRODUCT && before === OrderStatus.PAID,
          succeededAt: refund.succeededAt,
        },
      });
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

  private async refundable(manager: EntityManager, orderId: number, lock = false): Promise<Refundable> {
    const lockMode = lock ? { lock: this.transactions.lockMode } : {};
    const order = await manager.findOne(Order, { where: { id: orderId }, ...lockMode });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
    if (order.kind === OrderKind.GIFT) throw conflict(ErrorCode.REFUND_NOT_ALLOWED, 'Gift orders were free: nothing to refund');
    const payment = await manager.findOne(Payment, { where: { orderId }, ...lockMode });
    if (payment?.status === PaymentStatus.SUCCESS && REFUNDABLE_STATUSES.includes(order.status)) {
      return { order, payment, quote: await this.quoteOrder(manager, order), ofOrder: true };
    }
    if (payment?.status === PaymentStatus.FLAGGED && payment.paidFen) {
      return { order, payment, quote: quotePaymentRefund(order.id, payment.paidFen, await this.refundedSoFar(manager, orderId)), ofOrder: false };
    }
    throw conflict(ErrorCode.REFUND_NOT_ALLOWED, `A ${order.status} order holds no money that can be refunded now`);
  }

  private async quoteOrder(manager: EntityManager, order: Order): Promise<RefundQuote> {
    const refunded = await this.refundedSoFar(manager, order.id);
    if (!MEMBERSHIP_FEE_KINDS.includes(order.kind)) return quoteOrderRefund(order.id, order.totalFen, refunded);
    // A gift's term belongs to the friend who redeemed it: their savings count, not the buyer's.
    const term = await manager.findOne(MembershipTerm, { where: { orderId: order.id, source: Not('CARRY_OVER') }, relations: { membership: true } });
    const claims = term ? await manager.findBy(GiftClaim, { termId: term.id }) : [];
    return quoteMembershipRefund({
      orderId: order.id,
      paidFen: order.totalFen,
      alreadyRefundedFen: refunded,
      giftValueUsedFen: claims.reduce((sum, claim) => sum + claim.valueFen, 0),
      memberSavingsUsedFen: term ? await this.spend.savings(term.membership.customerId, term.id, manager) : 0,
      couponValueUsedFen: term ? await this.coupons.usedValueOfTerm(manager, term.id) : 0,
    });
  }

  private async statusBeforeRefund(manager: EntityManager, orderId: number): Promise<OrderStatus> {
    const event = await manager.findOne(OrderEvent, { where: { orderId, toStatus: OrderStatus.REFUNDING }, order: { id: 'DESC' } });
    return event?.fromStatus ?? OrderStatus.PAID;
  }
}
