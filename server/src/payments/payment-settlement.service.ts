import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus, PaymentStatus } from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { MembershipTerm } from '../membership/membership-term.entity';
import { OrderFulfilmentService } from '../orders/order-fulfilment.service';
import { OrderStateMachine } from '../orders/order-state';
import { OrderLine } from '../orders/order-line.entity';
import { Order } from '../orders/order.entity';
import { reserveGiftPack, reserveSku } from '../orders/stock';
import { WECHAT_GATEWAY, WechatGateway, WechatTransaction } from '../wechat/wechat-gateway';
import { Payment } from './payment.entity';

class LateStockError extends Error {}

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
    private readonly fulfilment: OrderFulfilmentService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  async settle(transaction: WechatTransaction): Promise<SettlementOutcome> {
    if (transaction.tradeState !== 'SUCCESS') return 'NOT_PAID';
    try {
      return await this.transactions.run((manager) => this.settleIn(manager, transaction));
    } catch (error) {
      // A concurrent settlement of the same transaction committed first.
      if (isUniqueViolation(error)) return 'ALREADY_PAID';
      // The stock taken for a late payment was rolled back with the transaction; record the payment alone.
      if (error instanceof LateStockError) return this.transactions.run((manager) => this.flagIn(manager, transaction, error.message));
      throw error;
    }
  }

  /** Asks WeChat about an order (reconciliation, or a client's "I paid" hint) and settles what it says. */
  async reconcile(outTradeNo: string): Promise<SettlementOutcome> {
    const transaction = await this.wechat.queryTransaction(outTradeNo);
    return transaction ? this.settle(transaction) : 'NOT_PAID';
  }

  private async settleIn(manager: EntityManager, transaction: WechatTransaction): Promise<SettlementOutcome> {
    const lock = this.transactions.lockMode;
    const order = await manager.findOne(Order, { where: { outTradeNo: transaction.outTradeNo }, lock });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `No order ${transaction.outTradeNo}`);
    order.lines = await manager.findBy(OrderLine, { orderId: order.id });
    const payment = await manager.findOneOrFail(Payment, { where: { orderId: order.id }, lock });
    if (payment.status === PaymentStatus.SUCCESS) return 'ALREADY_PAID';
    if (payment.status === PaymentStatus.FLAGGED && payment.transactionId === transaction.transactionId) return 'FLAGGED';

    const now = this.clock.now();
    const problem = this.mismatch(order, transaction) ?? (await this.lateProblem(manager, order, transaction));
    if (problem) return this.flagIn(manager, transaction, problem);
    payment.transactionId = transaction.transactionId ?? null;
    payment.raw = transaction.raw;
    payment.paidFen = transaction.amount.totalFen;
    payment.status = PaymentStatus.SUCCESS;
    payment.succeededAt = transaction.successTime ? new Date(transaction.successTime) : now;
    await manager.save(payment);
    await OrderStateMachine.transition(manager, order, OrderStatus.PAID, now, `wechat ${transaction.transactionId ?? ''}`.trim());
    await this.fulfilment.onPaid(manager, order, payment, now);
    return 'PAID';
  }

  /** Keeps WeChat's record on the payment for staff, activates nothing. */
  private async flagIn(manager: EntityManager, transaction: WechatTransaction, reason: string): Promise<SettlementOutcome> {
    const order = await manager.findOneByOrFail(Order, { outTradeNo: transaction.outTradeNo });
    const payment = await manager.findOneOrFail(Payment, { where: { orderId: order.id }, lock: this.transactions.lockMode });
    if (payment.status === PaymentStatus.SUCCESS) return 'ALREADY_PAID';
    Object.assign(payment, {
      status: PaymentStatus.FLAGGED,
      flagReason: reason,
      transactionId: transaction.transactionId ?? null,
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
    if (transaction.amount.totalFen !== order.totalFen) return `amount ${transaction.amount.totalFen} ≠ order total ${order.totalFen}`;
    return undefined;
  }

  /**
   * A payment that arrives after we closed the order is honoured when the stock can be taken again; a
   * member-priced order paid after the member's term ended is not (DESIGN.md: member prices stop at the end).
   */
  private async lateProblem(manager: EntityManager, order: Order, transaction: WechatTransaction): Promise<string | undefined> {
    const paidAt = transaction.successTime ? new Date(transaction.successTime) : this.clock.now();
    if (order.pricedAsTierId && order.termId) {
      const term = await manager.findOneBy(MembershipTerm, { id: order.termId });
      if (!term || term.end <= paidAt) return 'member price paid after the membership ended';
    }
    if (order.status !== OrderStatus.CLOSED) return undefined;
    try {
      for (const line of order.lines) if (line.skuId) await reserveSku(manager, line.skuId, line.quantity, line.name);
      if (order.kind === OrderKind.MEMBERSHIP && order.giftPackId) await reserveGiftPack(manager, order.giftPackId);
      return undefined;
    } catch {
      throw new LateStockError('paid after the order closed and the stock is gone');
    }
  }

  private wechatIdentity(): { appId: string; mchId: string } {
    return this.wechat.identity();
  }
}
