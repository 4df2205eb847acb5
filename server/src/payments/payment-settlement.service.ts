import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderStatus, PaymentStatus } from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { columnsOf, fromRow, insertRow, runStatement, tableOf, updateRows } from '../database/rows';
import { Transactions } from '../database/transactions';
import { MembershipService } from '../membership/membership.service';
import { OrderStateMachine } from '../orders/order-state';
import { LatePaymentRefused } from '../orders/order-hooks';
import { Order } from '../orders/order.entity';
import { WECHAT_GATEWAY, WechatGateway, WechatTransaction } from '../wechat/wechat-gateway';
import { Payment } from './payment.entity';

export type SettlementOutcome = 'PAID' | 'ALREADY_PAID' | 'NOT_PAID' | 'FLAGGED';

/**
 * Turns WeChat's word that a transaction succeeded (a verified notify, or our own order query) into a paid
 * order, exactly once: the order and payment rows are locked, a settled payment is never settled again, and
 * the transaction id is unique in the database.
 */
@Injectable()
export class PaymentSettlementService {
  private readonly logger = new Logger(PaymentSettlementService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    private readonly memberships: MembershipService,
  ) {}

  async settle(transaction: WechatTransaction): Promise<SettlementOutcome> {
    if (transaction.tradeState !== 'SUCCESS') return 'NOT_PAID';
    try {
      return await this.transactions.run((manager) => this.settleIn(manager, transaction));
    } catch (error) {
      // A concurrent settlement committed the same transaction id first: idempotent only for the same order.
      if (isUniqueViolation(error)) return this.transactions.run((manager) => this.duplicateIn(manager, transaction));
      // A late payment refused by a hook (stock gone, coupon spent) was rolled back; record the payment alone.
      if (error instanceof LatePaymentRefused)
        return this.transactions.run((manager) => this.flagIn(manager, transaction, error.message));
      throw error;
    }
  }

  /** Asks WeChat about an order (reconciliation, or a client's "I paid" hint) and settles what it says. */
  async reconcile(outTradeNo: string): Promise<SettlementOutcome> {
    const transaction = await this.wechat.queryTransaction(outTradeNo);
    return transaction ? this.settle(transaction) : 'NOT_PAID';
  }

  /**
   * Four statements when all is well: the order and its payment locked together, the payment, the order's status
   * and its history row written. A transaction id another payment already holds fails the payment's unique
   * index; `settle` then rolls back and answers as `duplicateIn` does.
   */
  private async settleIn(manager: EntityManager, transaction: WechatTransaction): Promise<SettlementOutcome> {
    const locked = await this.lockOrderAndPayment(manager, transaction.outTradeNo);
    if (!locked) throw notFound(ErrorCode.ORDER_NOT_FOUND, `No order ${transaction.outTradeNo}`);
    const { order } = locked;
    const payment = locked.payment ?? (await this.recordMissingPayment(manager, order));
    if (payment.status === PaymentStatus.SUCCESS) return 'ALREADY_PAID';
    if (payment.status === PaymentStatus.FLAGGED && payment.transactionId === transaction.transactionId)
      return 'FLAGGED';

    const now = this.clock.now();
    const problem = this.mismatch(order, transaction) ?? (await this.lateProblem(manager, order, transaction));
    if (problem) return this.flagIn(manager, transaction, problem);
    const settled: Partial<Payment> = {
      transactionId: transaction.transactionId ?? null,
      raw: transaction.raw,
      paidFen: transaction.amount.totalFen,
      status: PaymentStatus.SUCCESS,
      succeededAt: transaction.successTime ? new Date(transaction.successTime) : now,
    };
    await updateRows(manager, Payment, { id: payment.id }, settled);
    Object.assign(payment, settled);
    await this.machine.transition(
      manager,
      order,
      OrderStatus.PAID,
      now,
      `wechat ${transaction.transactionId ?? ''}`.trim(),
      {
        payment: { id: payment.id, transactionId: payment.transactionId, amountFen: transaction.amount.totalFen },
      },
    );
    return 'PAID';
  }

  /** The order and its payment row in one `SELECT … FOR UPDATE` (SQLite's queued transactions are exclusive already). */
  private async lockOrderAndPayment(
    manager: EntityManager,
    outTradeNo: string,
  ): Promise<{ order: Order; payment: Payment | undefined } | undefined> {
    const lock = this.transactions.lockMode ? ' FOR UPDATE' : '';
    const { records } = await runStatement(
      manager,
      `SELECT ${columnsOf(manager, Order, 'o')}, ${columnsOf(manager, Payment, 'p')}
         FROM ${tableOf(manager, Order)} o LEFT JOIN ${tableOf(manager, Payment)} p ON p.orderId = o.id
        WHERE o.outTradeNo = ?${lock}`,
      [outTradeNo],
    );
    const order = records[0] && fromRow(manager, Order, 'o', records[0]);
    return order && { order, payment: fromRow(manager, Payment, 'p', records[0]) };
  }

  /**
   * The payment row is written when WeChat's prepay id is known, before any `wx.requestPayment` parameters leave
   * the server (PrepayService.paymentParams); should a process have died between WeChat's prepay and that row,
   * WeChat's word that the order was paid still settles it: the row is written here.
   */
  private async recordMissingPayment(manager: EntityManager, order: Order): Promise<Payment> {
    const pending = {
      orderId: order.id,
      outTradeNo: order.outTradeNo,
      amountFen: order.totalFen,
      status: PaymentStatus.PENDING,
      prepayId: null,
    };
    const id = await insertRow(manager, Payment, pending);
    return manager.create(Payment, { ...pending, id });
  }

  /**
   * A transaction id we already hold: the same (order, transaction) again is a replay; the id arriving for
   * another order is not a payment of that order, and is flagged for staff.
   */
  private async duplicateIn(manager: EntityManager, transaction: WechatTransaction): Promise<SettlementOutcome> {
    const holder = await manager.findOneBy(Payment, { transactionId: transaction.transactionId! });
    if (holder?.outTradeNo === transaction.outTradeNo)
      return holder.status === PaymentStatus.SUCCESS ? 'ALREADY_PAID' : 'FLAGGED';
    return this.flagIn(
      manager,
      transaction,
      `transaction ${transaction.transactionId} already belongs to ${holder?.outTradeNo ?? 'another order'}`,
      false,
    );
  }

  /** Keeps WeChat's record on the payment for staff, activates nothing. */
  private async flagIn(
    manager: EntityManager,
    transaction: WechatTransaction,
    reason: string,
    keepTransactionId = true,
  ): Promise<SettlementOutcome> {
    const order = await manager.findOneByOrFail(Order, { outTradeNo: transaction.outTradeNo });
    const payment =
      (await manager.findOne(Payment, { where: { orderId: order.id }, lock: this.transactions.lockMode })) ??
      (await this.recordMissingPayment(manager, order));
    if (payment.status === PaymentStatus.SUCCESS) return 'ALREADY_PAID';
    Object.assign(payment, {
      status: PaymentStatus.FLAGGED,
      flagReason: reason.slice(0, 255),
      transactionId: keepTransactionId ? (transaction.transactionId ?? null) : payment.transactionId,
      raw: transaction.raw,
      paidFen: transaction.amount.totalFen,
    });
    await manager.save(payment);
    this.logger.warn(`Payment for ${order.outTradeNo} flagged: ${reason}`);
    return 'FLAGGED';
  }

  /** Money that is not for this order as we priced it: never activates anything. */
  private mismatch(order: Order, transaction: WechatTransaction): string | undefined {
    const expected = this.wechatIdentity();
    if (transaction.appid !== expected.appId) return `appid ${transaction.appid} is not ours`;
    if (transaction.mchid !== expected.mchId) return `mchid ${transaction.mchid} is not ours`;
    if (transaction.amount.totalFen !== order.totalFen)
      return `amount ${transaction.amount.totalFen} ≠ order total ${order.totalFen}`;
    return undefined;
  }

  /**
   * A member-priced order is honoured only while the term that priced it is live when WeChat says it was paid
   * (member prices stop at the end; a term-ending refund suspends them; compared at WeChat's whole
   * seconds). A payment that arrives after we closed the order is honoured when the state machine's stock hook
   * can take the stock again (else LateStockError, and the payment is flagged).
   */
  private async lateProblem(
    manager: EntityManager,
    order: Order,
    transaction: WechatTransaction,
  ): Promise<string | undefined> {
    const paidAt = transaction.successTime ? new Date(transaction.successTime) : this.clock.now();
    if (order.pricedAsTierId && order.termId) {
      const standing = (await this.memberships.standings(manager, [order.termId], paidAt)).get(order.termId);
      // (NOT_STARTED is no reason: the order was priced inside the term; only WeChat's clock can put it before.)
      if (standing === 'SUSPENDED') return 'member price paid while the membership term is being refunded';
      if (standing === 'ENDED') return 'member price paid after the membership ended';
    }
    return undefined;
  }

  private wechatIdentity(): { appId: string; mchId: string } {
    return this.wechat.identity();
  }
}
