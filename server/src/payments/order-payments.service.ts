import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderStatus, OrderView, PaymentStatus, PaymentView, RefundView, WechatPaymentParams } from '@member-commerce/shared';
import { conflict, DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { OrderClosingService } from '../orders/order-closing.service';
import { OrdersService } from '../orders/orders.service';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { PaymentSettlementService } from './payment-settlement.service';
import { Payment } from './payment.entity';
import { PrepayService } from './prepay.service';
import { RefundsService } from './refunds.service';

export const toPaymentView = (payment: Payment): PaymentView => ({
  id: payment.id,
  orderId: payment.orderId,
  transactionId: payment.transactionId,
  amountFen: payment.amountFen,
  status: payment.status,
  flagReason: payment.flagReason,
  createdAt: payment.createdAt.toISOString(),
});

/** The customer's payment actions on their own unpaid orders, and the money side of an order for staff. */
@Injectable()
export class OrderPaymentsService {
  private readonly logger = new Logger(OrderPaymentsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly closing: OrderClosingService,
    private readonly settlement: PaymentSettlementService,
    private readonly prepay: PrepayService,
    private readonly refunds: RefundsService,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  /**
   * Cancelling closes the prepay at WeChat first, so it can no longer be paid; if WeChat says it was paid
   * meanwhile, the payment is settled instead and the customer is told.
   */
  async cancelOwn(customerId: number, id: number): Promise<OrderView> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status !== OrderStatus.PENDING_PAYMENT) throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'Only unpaid orders can be cancelled');
    try {
      await this.wechat.closeTransaction(order.outTradeNo);
    } catch (error) {
      const outcome = await this.settlement.reconcile(order.outTradeNo).catch(() => 'UNKNOWN' as const);
      if (outcome === 'PAID' || outcome === 'ALREADY_PAID') throw conflict(ErrorCode.ORDER_ALREADY_PAID, 'This order was paid meanwhile and cannot be cancelled');
      if (outcome === 'UNKNOWN') {
        this.logger.warn(`close ${order.outTradeNo} failed: ${(error as Error).message}`);
        throw new DomainError(ErrorCode.PAYMENT_FAILED, 'WeChat Pay did not answer, please try again', HttpStatus.BAD_GATEWAY);
      }
    }
    await this.closing.closeIfUnpaid(order.id, 'cancelled by customer');
    return this.orders.getOwn(customerId, id);
  }

  async payAgain(customerId: number, id: number): Promise<WechatPaymentParams> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status !== OrderStatus.PENDING_PAYMENT) throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'This order is no longer awaiting payment');
    return this.prepay.paymentParams(order);
  }

  /**
   * The client says it paid: that is only a hint, so ask WeChat (the same query reconciliation uses) and
   * settle what WeChat says. Answers the order as it now stands.
   */
  async syncPayment(customerId: number, id: number): Promise<OrderView> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status === OrderStatus.PENDING_PAYMENT) await this.settlement.reconcile(order.outTradeNo).catch(() => undefined);
    return this.orders.getOwn(customerId, id);
  }

  /** Payments WeChat took that we did not accept (amount, appid/mchid, late, foreign transaction): staff must act. */
  flagged(): Promise<PaymentView[]> {
    return this.transactions.run(async (manager) => (await manager.find(Payment, { where: { status: PaymentStatus.FLAGGED }, order: { id: 'DESC' }, take: 200 })).map(toPaymentView));
  }

  /** The order's payment and refunds, for the staff order view. */
  async moneyOf(manager: EntityManager, orderId: number): Promise<{ payment: PaymentView | null; refunds: RefundView[] }> {
    const payment = await manager.findOneBy(Payment, { orderId });
    return { payment: payment ? toPaymentView(payment) : null, refunds: await this.refunds.listForOrder(manager, orderId) };
  }
}
