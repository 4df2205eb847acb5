import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import {
  ErrorCode,
  formatFen,
  OrderKind,
  OrderStatus,
  PaymentStatus,
  RefundQuote,
  RefundStatus,
  RefundView,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { CouponsService } from '../coupons/coupons.service';
import { GiftClaim } from '../milestones/gift-claim.entity';
import { SpendService } from '../milestones/spend.service';
import { OrderEvent } from '../orders/order-event.entity';
import { MEMBERSHIP_FEE_KINDS, OrderStateMachine, REFUNDABLE_STATUSES } from '../orders/order-state';
import type { RefundFacts } from '../orders/order-actions';
import { Order } from '../orders/order.entity';
import { newOutRefundNo } from '../orders/out-trade-no';
import { AuditService } from '../staff/audit.service';
import { StaffUser } from '../staff/staff-user.entity';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway, WechatRefund } from '../wechat/wechat-gateway';
import { Payment } from './payment.entity';
import { RefundEvents } from './refund-events';
import { RefundRequest } from './refund-request.entity';
import { quoteMembershipRefund, quoteOrderRefund, quotePaymentRefund } from './refund-rules';
import { Refund } from './refund.entity';
import { ABNORMAL_REASON, checkWechatRefundLimits, CLOSED_REASON, refusalReason } from './wechat-refund-limits';
import { termBoughtBy } from '../membership/bought-term';

/** Refunds that still count against the money we hold. */
const LIVE_REFUNDS = [RefundStatus.PROCESSING, RefundStatus.SUCCESS, RefundStatus.ABNORMAL];
/** Refunds staff must still act on, or WeChat still works on: the order takes no other refund meanwhile. */
const OPEN_REFUNDS = [RefundStatus.PROCESSING, RefundStatus.ABNORMAL];

export const toRefundView = (refund: Refund): RefundView => ({
  id: refund.id,
  orderId: refund.orderId,
  outRefundNo: refund.outRefundNo,
  amountFen: refund.amountFen,
  status: refund.status,
  reason: refund.reason,
  createdAt: refund.createdAt.toISOString(),
  succeededAt: refund.succeededAt?.toISOString() ?? null,
  failureReason: refund.failureReason ?? null,
  queuedUntil: refund.queuedUntil?.toISOString() ?? null,
  offline: refund.offline ?? false,
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
  /** The refund request this refund carries out (its own pending request does not block it). */
  requestId?: number;
  /** A cumulative limit of the caller: above it, `overLimit` runs instead (under the same locks) and nothing is refunded. */
  limitFen?: number | null;
  overLimit?: (manager: EntityManager, amountFen: number) => Promise<RefundRequest>;
  /** Runs in the refund's transaction once it is created (a refund request marks itself approved). */
  onCreated?: (manager: EntityManager, refund: Refund) => Promise<void>;
}

export type StartOutcome = { refund: RefundView } | { request: RefundRequest };

/** How a refund ends, whoever says so (WeChat's answer, its notify, a query, or staff). */
export interface RefundFinish {
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'FAILED';
  refundId?: string;
  raw?: Record<string, unknown> | null;
  successTime?: string;
  failureReason?: string | null;
  offline?: boolean;
}

/**
 * Refunds: the quote staff confirm, WeChat Pay's limits, the WeChat request, and the outcome (notify or query).
 * Any money we hold can be returned: a paid order's (through the order's REFUNDING state), or a
 * flagged payment's whatever the order's status. The order row is locked while a refund is checked and written,
 * so limits and amounts hold against concurrent refunds.
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
    private readonly events: RefundEvents,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  quote(orderId: number): Promise<RefundQuote> {
    return this.transactions.run(async (manager) => {
      const { quote } = await this.refundable(manager, orderId);
      const pending = await manager.findOne(RefundRequest, {
        where: { orderId, status: 'PENDING' },
        order: { id: 'DESC' },
      });
      return {
        ...quote,
        pendingRequest: pending
          ? { id: pending.id, amountFen: pending.amountFen, requestedBy: pending.requestedBy }
          : null,
      };
    });
  }

  /** What the refund rules allow for this order now (its next actions), without throwing or writing. */
  async refundFacts(manager: EntityManager, orderId: number): Promise<RefundFacts> {
    const openRefund = await manager.existsBy(Refund, { orderId, status: In(OPEN_REFUNDS) });
    const pendingRequest = await manager.existsBy(RefundRequest, { orderId, status: 'PENDING' });
    try {
      const { quote } = await this.refundable(manager, orderId);
      return { holdsMoney: true, refundableFen: quote.refundableFen, rule: quote.rule, openRefund, pendingRequest };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { holdsMoney: false, refundableFen: 0, rule: '', openRefund, pendingRequest };
    }
  }

  /** Refund rows of an order, newest first. */
  async listForOrder(manager: EntityManager, orderId: number): Promise<RefundView[]> {
    return (await manager.find(Refund, { where: { orderId }, order: { id: 'DESC' } })).map(toRefundView);
  }

  /** The refunded total of an order's live refunds (processing, abnormal and succeeded): what operator limits add up. */
  async refundedSoFar(manager: EntityManager, orderId: number): Promise<number> {
    return (await this.refundedSoFarOf(manager, [orderId])).get(orderId) ?? 0;
  }

  /** Refunds that succeeded or are under way, per order (orders without any are absent). */
  async refundedSoFarOf(manager: EntityManager, orderIds: number[]): Promise<Map<number, number>> {
    const refunds = orderIds.length
      ? await manager.findBy(Refund, { orderId: In(orderIds), status: In(LIVE_REFUNDS) })
      : [];
    const sums = new Map<number, number>();
    for (const refund of refunds) sums.set(refund.orderId, (sums.get(refund.orderId) ?? 0) + refund.amountFen);
    return sums;
  }

  /** Resolves the amount (default: everything refundable) and checks it, without writing anything. */
  async checkAmount(manager: EntityManager, orderId: number, amountFen?: number): Promise<number> {
    return this.amountWithin((await this.refundable(manager, orderId)).quote, amountFen);
  }

  /**
   * Creates the refund and asks WeChat for it (or queues it for WeChat's minute). Amount, the caller's cumulative
   * limit, a pending request and WeChat's limits are all checked under the order's lock, in the refund's transaction.
   */
  async start(actor: StaffPrincipal, input: StartRefund): Promise<StartOutcome> {
    const created = await this.transactions.run<{ request: RefundRequest } | { refund: Refund }>(async (manager) => {
      const { order, payment, quote, ofOrder } = await this.refundable(manager, input.orderId, true);
      if (await manager.existsBy(Refund, { orderId: order.id, status: In(OPEN_REFUNDS) })) {
        throw conflict(ErrorCode.ORDER_REFUNDING, '该订单有一笔退款尚未结束，请等它完成后再退款');
      }
      const pending = await manager.findOne(RefundRequest, { where: { orderId: order.id, status: 'PENDING' } });
      if (pending && pending.id !== input.requestId) {
        throw conflict(
          ErrorCode.REFUND_REQUEST_PENDING,
          `该订单有一笔 ${pending.requestedBy} 提交的退款申请待审批，请先审批或驳回`,
        );
      }
      const amountFen = this.amountWithin(quote, input.amountFen);
      if (
        input.limitFen !== undefined &&
        input.limitFen !== null &&
        input.overLimit &&
        (await this.refundedSoFar(manager, order.id)) + amountFen > input.limitFen
      ) {
        return { request: await input.overLimit(manager, amountFen) };
      }
      const now = this.clock.now();
      const limits = checkWechatRefundLimits({
        paidAt: order.paidAt ?? payment.succeededAt ?? payment.createdAt,
        now,
        ...(await this.refundHistory(manager, order.id)),
      });
      if (!limits.ok) throw conflict(limits.code, limits.message);
      const refund = await manager.save(
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
          failureReason: null,
          queuedUntil: limits.queuedUntil,
          sentAt: limits.queuedUntil ?? now,
          offline: false,
        }),
      );
      if (ofOrder)
        await this.machine.transition(manager, order, OrderStatus.REFUNDING, now, `refund ${refund.outRefundNo}`);
      await input.onCreated?.(manager, refund);
      await this.events.refundChanged(manager, refund);
      await this.audit.record(manager, actor, {
        action: ofOrder ? 'order.refund' : 'payment.refund',
        entity: 'order',
        entityId: order.id,
        before: quote,
        after: {
          amountFen,
          reason: input.reason,
          outRefundNo: refund.outRefundNo,
          queuedUntil: limits.queuedUntil?.toISOString() ?? null,
        },
      });
      return { refund };
    });
    if ('request' in created) return created;
    if (created.refund.queuedUntil) return { refund: toRefundView(created.refund) };
    return { refund: await this.send(created.refund) };
  }

  /**
   * Asks WeChat for a refund (new, queued or retried: always its own out_refund_no). WeChat's answer means
   * "accepted"; the notify or a query says "done". A refusal makes the refund FAILED with the reason in Chinese.
   */
  async send(refund: Refund): Promise<RefundView> {
    const { order, payment } = await this.transactions.run(async (manager) => ({
      order: await manager.findOneByOrFail(Order, { id: refund.orderId }),
      payment: await manager.findOneByOrFail(Payment, { orderId: refund.orderId }),
    }));
    const totalFen = payment.paidFen ?? payment.amountFen;
    try {
      const result = await this.wechat.createRefund({
        outTradeNo: order.outTradeNo,
        outRefundNo: refund.outRefundNo,
        refundFen: refund.amountFen,
        totalFen,
        reason: refund.reason,
      });
      return toRefundView(await this.apply(result));
    } catch (error) {
      this.logger.error(`Refund ${refund.outRefundNo} request failed: ${(error as Error).message}`);
      if (error instanceof WechatApiError && error.status < 500) {
        const reason = refusalReason(error.code);
        await this.transactions.run((manager) =>
          this.finishLocked(manager, refund.outRefundNo, {
            status: 'FAILED',
            raw: { code: error.code, message: error.message },
            failureReason: reason,
          }),
        );
        throw conflict(ErrorCode.REFUND_REJECTED, `${reason}。可在订单详情中重试或关闭这笔退款`, {
          wechatCode: error.code,
          refundId: refund.id,
        });
      }
      // No answer: WeChat may have taken it. The refund stays PROCESSING and reconciliation asks WeChat about it.
      throw new DomainError(
        ErrorCode.PAYMENT_FAILED,
        '微信支付未应答，退款将稍后自动向微信核实',
        HttpStatus.BAD_GATEWAY,
      );
    }
  }

  /** Applies a refund outcome from WeChat (request answer, notify or query) once. */
  apply(result: WechatRefund): Promise<Refund> {
    return this.transactions.run(async (manager) => {
      const refund = await manager.findOne(Refund, {
        where: { outRefundNo: result.outRefundNo },
        lock: this.transactions.lockMode,
      });
      if (!refund) throw notFound(ErrorCode.REFUND_NOT_FOUND, `No refund ${result.outRefundNo}`);
      // An abnormal refund may still end at WeChat (its abnormal-refund handling); anything else ends once.
      const open =
        refund.status === RefundStatus.PROCESSING ||
        (refund.status === RefundStatus.ABNORMAL && result.status !== 'ABNORMAL');
      if (!open || result.status === 'PROCESSING') {
        if (result.refundId && !refund.refundId)
          await manager.update(Refund, { id: refund.id }, { refundId: result.refundId });
        return refund;
      }
      const failureReason =
        result.status === 'ABNORMAL' ? ABNORMAL_REASON : result.status === 'CLOSED' ? CLOSED_REASON : null;
      return this.finish(manager, refund, {
        status: result.status,
        refundId: result.refundId,
        raw: result.raw,
        successTime: result.successTime,
        failureReason,
      });
    });
  }

  /** `finish` for a refund not yet locked in this transaction. */
  async finishLocked(manager: EntityManager, outRefundNo: string, outcome: RefundFinish): Promise<Refund> {
    const refund = await manager.findOneOrFail(Refund, { where: { outRefundNo }, lock: this.transactions.lockMode });
    return this.finish(manager, refund, outcome);
  }

  /**
   * Writes how a (locked) refund ends and moves the order: SUCCESS adds to what was refunded and ends the order
   * when nothing is left (or the term ends); FAILED and CLOSED return it to its status before the refund; ABNORMAL
   * keeps it REFUNDING until staff refund offline, or close the refund.
   */
  async finish(manager: EntityManager, refund: Refund, outcome: RefundFinish): Promise<Refund> {
    const now = this.clock.now();
    const order = await manager.findOneOrFail(Order, {
      where: { id: refund.orderId },
      lock: this.transactions.lockMode,
    });
    const succeeded = outcome.status === 'SUCCESS';
    Object.assign(refund, {
      status: outcome.status,
      refundId: outcome.refundId ?? refund.refundId,
      raw: outcome.raw === undefined ? refund.raw : outcome.raw,
      succeededAt: succeeded ? (outcome.successTime ? new Date(outcome.successTime) : now) : null,
      failureReason: succeeded ? null : (outcome.failureReason ?? refund.failureReason),
      offline: outcome.offline ?? refund.offline,
      queuedUntil: null,
    });
    await manager.save(refund);
    if (succeeded) {
      order.refundedFen += refund.amountFen;
      await manager.update(Order, { id: order.id }, { refundedFen: order.refundedFen });
    }
    if (order.status === OrderStatus.REFUNDING && outcome.status !== 'ABNORMAL') {
      const before = await this.statusBeforeRefund(manager, order.id);
      const ends = succeeded && (order.refundedFen >= order.totalFen || refund.endsTerm);
      await this.machine.transition(
        manager,
        order,
        ends ? OrderStatus.REFUNDED : before,
        now,
        succeeded ? `refunded ${refund.amountFen}` : `refund ${outcome.status}`,
        {
          refund: {
            id: refund.id,
            amountFen: refund.amountFen,
            refundId: refund.refundId,
            succeeded,
            endsTerm: succeeded && refund.endsTerm,
            restock: ends && order.kind === OrderKind.PRODUCT && before === OrderStatus.PAID,
            succeededAt: refund.succeededAt,
            offline: refund.offline,
          },
        },
      );
    } else if (succeeded) {
      await this.resolveFlaggedIfRefunded(manager, refund, now);
    }
    await this.events.refundChanged(manager, refund);
    return refund;
  }

  /** Staff retry a refused refund: same out_refund_no, the order back in REFUNDING while WeChat works on it. */
  async reopen(manager: EntityManager, refund: Refund): Promise<void> {
    const order = await manager.findOneOrFail(Order, {
      where: { id: refund.orderId },
      lock: this.transactions.lockMode,
    });
    const payment = await manager.findOneByOrFail(Payment, { orderId: order.id });
    const ofOrder = payment.status === PaymentStatus.SUCCESS;
    if (ofOrder && !REFUNDABLE_STATUSES.includes(order.status))
      throw conflict(ErrorCode.REFUND_NOT_ALLOWED, `订单当前为 ${order.status}，不能重试退款`);
    if (await manager.existsBy(Refund, { orderId: order.id, status: In(OPEN_REFUNDS), id: Not(refund.id) })) {
      throw conflict(ErrorCode.ORDER_REFUNDING, '该订单有一笔退款尚未结束，请等它完成后再重试');
    }
    const now = this.clock.now();
    const limits = checkWechatRefundLimits({
      paidAt: order.paidAt ?? payment.succeededAt ?? payment.createdAt,
      now,
      refundCount: 0,
      lastSentAt: null,
    });
    if (!limits.ok) throw conflict(limits.code, limits.message);
    Object.assign(refund, { status: RefundStatus.PROCESSING, failureReason: null, sentAt: now, queuedUntil: null });
    await manager.save(refund);
    if (ofOrder)
      await this.machine.transition(manager, order, OrderStatus.REFUNDING, now, `retry refund ${refund.outRefundNo}`);
    await this.events.refundChanged(manager, refund);
  }

  /** Queued refunds whose minute is up go to WeChat; a conditional claim lets one process send each. */
  async submitQueued(limit = 50): Promise<number> {
    const due = await this.transactions.run((manager) =>
      manager.find(Refund, {
        where: { status: RefundStatus.PROCESSING, queuedUntil: LessThanOrEqual(this.clock.now()) },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
    let sent = 0;
    for (const refund of due) {
      const claimed = await this.transactions.run((manager) =>
        manager.update(
          Refund,
          { id: refund.id, status: RefundStatus.PROCESSING, queuedUntil: Not(IsNull()) },
          { queuedUntil: null, sentAt: this.clock.now() },
        ),
      );
      if (!claimed.affected) continue;
      await this.send(refund).catch((error) =>
        this.logger.warn(`Queued refund ${refund.outRefundNo}: ${(error as Error).message}`),
      );
      sent++;
    }
    return sent;
  }

  /** Refunds still PROCESSING at WeChat: ask WeChat (a lost notify must not leave them hanging). */
  async reconcileProcessing(limit = 50): Promise<number> {
    const pending = await this.transactions.run((manager) =>
      manager.find(Refund, { where: { status: RefundStatus.PROCESSING, queuedUntil: IsNull() }, take: limit }),
    );
    for (const refund of pending) {
      const result = await this.wechat.queryRefund(refund.outRefundNo).catch(() => null);
      if (result) await this.apply(result);
    }
    return pending.length;
  }

  private amountWithin(quote: RefundQuote, amountFen?: number): number {
    const amount = amountFen ?? quote.refundableFen;
    if (amount <= 0 || amount > quote.refundableFen) {
      throw badRequest(
        ErrorCode.REFUND_AMOUNT_INVALID,
        `退款金额须在 ¥0.01 与可退金额 ${formatFen(quote.refundableFen)} 之间`,
        quote,
      );
    }
    return amount;
  }

  /** What WeChat's count and spacing rules look at: refunds it accepted (or will be sent), and the latest send. */
  private async refundHistory(
    manager: EntityManager,
    orderId: number,
  ): Promise<{ refundCount: number; lastSentAt: Date | null }> {
    const refunds = await manager.find(Refund, { where: { orderId, status: Not(RefundStatus.FAILED) } });
    const sent = refunds.map((refund) => (refund.queuedUntil ?? refund.sentAt ?? refund.createdAt).getTime());
    return { refundCount: refunds.length, lastSentAt: sent.length ? new Date(Math.max(...sent)) : null };
  }

  /** A flagged payment whose money is all back has ended: resolved as REFUNDED, by who asked for the refund. */
  private async resolveFlaggedIfRefunded(manager: EntityManager, refund: Refund, now: Date): Promise<void> {
    const payment = await manager.findOneBy(Payment, { orderId: refund.orderId });
    if (payment?.status !== PaymentStatus.FLAGGED || payment.resolution || !payment.paidFen) return;
    if ((await this.succeededTotal(manager, refund.orderId)) < payment.paidFen) return;
    const staff = refund.requestedByStaffId
      ? await manager.findOneBy(StaffUser, { id: refund.requestedByStaffId })
      : null;
    await manager.update(
      Payment,
      { id: payment.id },
      {
        resolution: 'REFUNDED',
        resolvedAt: now,
        resolvedBy: staff?.username ?? null,
        resolutionNote: `已全额退回（${refund.outRefundNo}）`,
      },
    );
  }

  private async succeededTotal(manager: EntityManager, orderId: number): Promise<number> {
    return (await manager.findBy(Refund, { orderId, status: RefundStatus.SUCCESS })).reduce(
      (sum, refund) => sum + refund.amountFen,
      0,
    );
  }

  private async refundable(manager: EntityManager, orderId: number, lock = false): Promise<Refundable> {
    const lockMode = lock ? { lock: this.transactions.lockMode } : {};
    const order = await manager.findOne(Order, { where: { id: orderId }, ...lockMode });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
    if (order.kind === OrderKind.GIFT)
      throw conflict(ErrorCode.REFUND_NOT_ALLOWED, '礼包订单为免费发放，没有可退的款项');
    const payment = await manager.findOne(Payment, { where: { orderId }, ...lockMode });
    if (payment?.status === PaymentStatus.SUCCESS && REFUNDABLE_STATUSES.includes(order.status)) {
      return { order, payment, quote: await this.quoteOrder(manager, order), ofOrder: true };
    }
    if (payment?.status === PaymentStatus.FLAGGED && payment.paidFen) {
      return {
        order,
        payment,
        quote: quotePaymentRefund(order.id, payment.paidFen, await this.refundedSoFar(manager, orderId)),
        ofOrder: false,
      };
    }
    if (order.status === OrderStatus.REFUNDING)
      throw conflict(ErrorCode.ORDER_REFUNDING, '该订单有一笔退款尚未结束，请等它完成后再退款');
    throw conflict(ErrorCode.REFUND_NOT_ALLOWED, `订单当前状态（${order.status}）没有可退的款项`);
  }

  /** The refund quote of a paid order (the membership rule for membership orders), in the caller's transaction. */
  async quoteOrder(manager: EntityManager, order: Order): Promise<RefundQuote> {
    const refunded = await this.refundedSoFar(manager, order.id);
    if (!MEMBERSHIP_FEE_KINDS.includes(order.kind)) return quoteOrderRefund(order.id, order.totalFen, refunded);
    // A gift's term belongs to the friend who redeemed it: their savings count, not the buyer's.
    const term = await termBoughtBy(manager, order.id, { membership: true });
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
    const event = await manager.findOne(OrderEvent, {
      where: { orderId, toStatus: OrderStatus.REFUNDING },
      order: { id: 'DESC' },
    });
    return event?.fromStatus ?? OrderStatus.PAID;
  }
}
