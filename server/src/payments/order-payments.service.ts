import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import {
  ErrorCode,
  OrderStatus,
  OrderView,
  PaymentStatus,
  PaymentView,
  RefundRequestView,
  RefundView,
  WechatPaymentParams,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { AuditService } from '../staff/audit.service';
import { RefundRequestsService } from './refund-requests.service';
import { conflict, DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { OrderClosingService } from '../orders/order-closing.service';
import type { RefundFacts } from '../orders/order-actions';
import { OrdersService } from '../orders/orders.service';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { PaymentSettlementService } from './payment-settlement.service';
import { Payment } from './payment.entity';
import { PrepayService } from './prepay.service';
import { RefundsService } from './refunds.service';

const toPaymentView = (payment: Payment): PaymentView => ({
  id: payment.id,
  orderId: payment.orderId,
  transactionId: payment.transactionId,
  amountFen: payment.amountFen,
  status: payment.status,
  flagReason: payment.flagReason,
  resolution: payment.resolution ?? null,
  resolvedAt: payment.resolvedAt?.toISOString() ?? null,
  resolvedBy: payment.resolvedBy ?? null,
  resolutionNote: payment.resolutionNote ?? null,
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
    private readonly requests: RefundRequestsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  /**
   * Cancelling closes the prepay at WeChat first, so it can no longer be paid; if WeChat says it was paid
   * meanwhile, the payment is settled instead and the customer is told.
   */
  async cancelOwn(customerId: number, id: number): Promise<OrderView> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status !== OrderStatus.PENDING_PAYMENT)
      throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'Only unpaid orders can be cancelled');
    try {
      await this.wechat.closeTransaction(order.outTradeNo);
    } catch (error) {
      const outcome = await this.settlement.reconcile(order.outTradeNo).catch(() => 'UNKNOWN' as const);
      if (outcome === 'PAID' || outcome === 'ALREADY_PAID')
        throw conflict(ErrorCode.ORDER_ALREADY_PAID, 'This order was paid meanwhile and cannot be cancelled');
      if (outcome === 'UNKNOWN') {
        this.logger.warn(`close ${order.outTradeNo} failed: ${(error as Error).message}`);
        throw new DomainError(
          ErrorCode.PAYMENT_FAILED,
          'WeChat Pay did not answer, please try again',
          HttpStatus.BAD_GATEWAY,
        );
      }
    }
    await this.closing.closeIfUnpaid(order.id, 'cancelled by customer');
    return this.orders.getOwn(customerId, id);
  }

  /**
   * "Pay again" after the pay sheet was closed or the payment failed: the same prepay order is payable again.
   * Should WeChat answer that it was paid meanwhile, the payment is settled and the customer told so.
   */
  async payAgain(customerId: number, id: number): Promise<WechatPaymentParams> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status !== OrderStatus.PENDING_PAYMENT)
      throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, '订单已不是待支付状态');
    try {
      return await this.prepay.paymentParams(order);
    } catch (error) {
      if (!(error instanceof WechatApiError) || error.status >= 500) throw error;
      if (error.code === 'ORDERPAID') {
        await this.settlement.reconcile(order.outTradeNo).catch(() => undefined);
        throw conflict(ErrorCode.ORDER_ALREADY_PAID, '这笔订单已支付，无需再次付款');
      }
      if (error.code === 'ORDER_CLOSED')
        throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, '订单已在微信支付关闭，请重新下单');
      throw new DomainError(ErrorCode.PAYMENT_FAILED, '微信支付暂时无法发起付款，请稍后再试', HttpStatus.BAD_GATEWAY);
    }
  }

  /**
   * The client says it paid: that is only a hint, so ask WeChat (the same query reconciliation uses) and
   * settle what WeChat says. Answers the order as it now stands.
   */
  async syncPayment(customerId: number, id: number): Promise<OrderView> {
    const order = await this.transactions.run((manager) => this.orders.getOwnOrThrow(manager, customerId, id));
    if (order.status === OrderStatus.PENDING_PAYMENT)
      await this.settlement.reconcile(order.outTradeNo).catch(() => undefined);
    return this.orders.getOwn(customerId, id);
  }

  /**
   * Payments WeChat took that we did not accept (amount, appid/mchid, late, foreign transaction): staff must act
   * until each is resolved (its money refunded, or resolved by staff with a note).
   */
  flagged(resolved = false): Promise<PaymentView[]> {
    return this.transactions.run(async (manager) =>
      (
        await manager.find(Payment, {
          where: { status: PaymentStatus.FLAGGED, resolution: resolved ? Not(IsNull()) : IsNull() },
          order: { id: 'DESC' },
          take: 200,
        })
      ).map(toPaymentView),
    );
  }

  resolveFlagged(actor: StaffPrincipal, id: number, note: string): Promise<PaymentView> {
    return this.transactions.run(async (manager) => {
      const payment = await manager.findOne(Payment, { where: { id }, lock: this.transactions.lockMode });
      if (!payment || payment.status !== PaymentStatus.FLAGGED)
        throw notFound(ErrorCode.PAYMENT_NOT_FOUND, `异常支付 ${id} 不存在`);
      if (payment.resolution)
        throw conflict(ErrorCode.ALREADY_RESOLVED, `这笔异常支付已由 ${payment.resolvedBy ?? '系统'} 处理`);
      Object.assign(payment, {
        resolution: 'RESOLVED',
        resolvedAt: this.clock.now(),
        resolvedBy: actor.username,
        resolutionNote: note,
      });
      await manager.save(payment);
      await this.audit.record(manager, actor, {
        action: 'payment.resolve',
        entity: 'order',
        entityId: payment.orderId,
        before: { resolution: null },
        after: { resolution: 'RESOLVED', note },
      });
      return toPaymentView(payment);
    });
  }

  /** The order's payment, refunds and refund requests, for the staff order view. */
  async moneyOf(
    manager: EntityManager,
    orderId: number,
  ): Promise<{ payment: PaymentView | null; refunds: RefundView[]; refundRequests: RefundRequestView[] }> {
    const payment = await manager.findOneBy(Payment, { orderId });
    return {
      payment: payment ? toPaymentView(payment) : null,
      refunds: await this.refunds.listForOrder(manager, orderId),
      refundRequests: await this.requests.listForOrder(manager, orderId),
    };
  }

  /** What the refund rules allow for the order now, for its next actions. */
  refundFacts(manager: EntityManager, orderId: number): Promise<RefundFacts> {
    return this.refunds.refundFacts(manager, orderId);
  }
}
