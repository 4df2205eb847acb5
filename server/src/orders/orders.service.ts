import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, FindOptionsWhere } from 'typeorm';
import { AdminOrderView, ErrorCode, OrderKind, OrderStatus, OrderView, Page, PaymentView, WechatPaymentParams } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { Transactions } from '../database/transactions';
import { Payment } from '../payments/payment.entity';
import { PaymentSettlementService } from '../payments/payment-settlement.service';
import { AuditService } from '../staff/audit.service';
import { CheckoutService } from './checkout.service';
import { AdminOrderQueryDto } from './dto/admin-order-query.dto';
import { OrderListQueryDto } from './dto/create-order.dto';
import { OrderClosingService } from './order-closing.service';
import { OrderStateMachine } from './order-state';
import { toOrderView } from './order-views';
import { Order } from './order.entity';

const toPaymentView = (payment: Payment): PaymentView => ({
  id: payment.id,
  orderId: payment.orderId,
  transactionId: payment.transactionId,
  amountFen: payment.amountFen,
  status: payment.status,
  flagReason: payment.flagReason,
  createdAt: payment.createdAt.toISOString(),
});

/** Reading orders (a customer's own; staff search) and the customer's actions on unpaid ones. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly checkout: CheckoutService,
    private readonly closing: OrderClosingService,
    private readonly settlement: PaymentSettlementService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  listOwn(customerId: number, query: OrderListQueryDto): Promise<Page<OrderView>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const where: FindOptionsWhere<Order> = { customerId, ...(query.status ? { status: query.status } : {}) };
      const [rows, total] = await manager.findAndCount(Order, { where, relations: { lines: true }, order: { id: 'DESC' }, skip, take: pageSize });
      return { items: rows.map(toOrderView), total, page, pageSize };
    });
  }

  /** Another customer's order is a 404, never a 403: its existence is not disclosed. */
  getOwn(customerId: number, id: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => toOrderView(await this.getOwnOrThrow(manager, customerId, id)));
  }

  cancelOwn(customerId: number, id: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await this.getOwnOrThrow(manager, customerId, id, true);
      if (order.status !== OrderStatus.PENDING_PAYMENT) throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'Only unpaid orders can be cancelled');
      await this.closing.close(manager, order, 'cancelled by customer');
      return toOrderView(await this.getOwnOrThrow(manager, customerId, id));
    });
  }

  async payAgain(customerId: number, id: number): Promise<WechatPaymentParams> {
    const order = await this.transactions.run((manager) => this.getOwnOrThrow(manager, customerId, id));
    if (order.status !== OrderStatus.PENDING_PAYMENT) throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'This order is no longer awaiting payment');
    return this.checkout.paymentParams(order);
  }

  /**
   * The client says it paid: that is only a hint, so ask WeChat (the same query reconciliation uses) and
   * settle what WeChat says. Answers the order as it now stands.
   */
  async syncPayment(customerId: number, id: number): Promise<OrderView> {
    const order = await this.transactions.run((manager) => this.getOwnOrThrow(manager, customerId, id));
    if (order.status === OrderStatus.PENDING_PAYMENT) await this.settlement.reconcile(order.outTradeNo).catch(() => undefined);
    return this.getOwn(customerId, id);
  }

  searchForStaff(query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const qb = manager.createQueryBuilder(Order, 'o').innerJoinAndSelect('o.customer', 'c').orderBy('o.id', 'DESC');
      if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
      if (query.status) qb.andWhere('o.status = :status', { status: query.status });
      if (query.q) qb.andWhere(new Brackets((w) => w.where('o.outTradeNo LIKE :q', { q: `%${query.q}%` }).orWhere('c.nickname LIKE :q').orWhere('c.phone LIKE :q')));
      const total = await qb.getCount();
      const rows = await qb.skip(skip).take(pageSize).getMany();
      const items = await Promise.all(rows.map((row) => this.adminView(manager, row.id)));
      return { items, total, page, pageSize };
    });
  }

  getForStaff(id: number): Promise<AdminOrderView> {
    return this.transactions.run((manager) => this.adminView(manager, id));
  }

  /** Staff mark a paid order (products or a gift pack) as handed to the courier. */
  ship(actor: StaffPrincipal, id: number): Promise<AdminOrderView> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, { where: { id }, lock: this.transactions.lockMode });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
      if (order.kind === OrderKind.MEMBERSHIP) throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'A membership fee is not shipped');
      const before = order.status;
      await OrderStateMachine.transition(manager, order, OrderStatus.SHIPPED, this.clock.now(), `shipped by ${actor.username}`);
      await this.audit.record(manager, actor, { action: 'order.ship', entity: 'order', entityId: id, before: { status: before }, after: { status: order.status } });
      return this.adminView(manager, id);
    });
  }

  /** Payments WeChat took that we did not accept (amount, appid/mchid, late): staff must refund or settle them. */
  flaggedPayments(): Promise<PaymentView[]> {
    return this.transactions.run(async (manager) => (await manager.find(Payment, { where: { status: 'FLAGGED' }, order: { id: 'DESC' }, take: 200 })).map(toPaymentView));
  }

  private async adminView(manager: EntityManager, id: number): Promise<AdminOrderView> {
    const order = await manager.findOne(Order, { where: { id }, relations: { lines: true, customer: true } });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
    const payment = order.kind === OrderKind.GIFT ? null : await manager.findOneBy(Payment, { orderId: id });
    return { ...toOrderView(order), customer: { id: order.customer.id, nickname: order.customer.nickname }, payment: payment ? toPaymentView(payment) : null };
  }

  private async getOwnOrThrow(manager: EntityManager, customerId: number, id: number, lock = false): Promise<Order> {
    const order = await manager.findOne(Order, { where: { id, customerId }, ...(lock ? { lock: this.transactions.lockMode } : { relations: { lines: true } }) });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
    return order;
  }
}
