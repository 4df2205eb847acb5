import { Inject, Injectable } from '@nestjs/common';
import { Brackets, EntityManager, FindOptionsWhere, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  CUSTOMER_ORDER_GROUPS,
  CustomerOrderGroup,
  ErrorCode,
  OrderKind,
  OrderStatus,
  OrderView,
  Page,
  SHIPPED_STATUSES,
  shopDayStart,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AdminOrderQueryDto, ShipOrderDto } from './dto/admin-order-query.dto';
import { OrderListQueryDto } from './dto/create-order.dto';
import { MEMBERSHIP_FEE_KINDS, OrderStateMachine } from './order-state';
import { toOrderView } from './order-views';
import { AddressSnapshot, Order } from './order.entity';

/** An order with its customer, as staff see it before money is added (see AdminOrdersService). */
/** A subquery selecting order ids, built by the feature that owns the condition. */
export type OrderIdSubquery = (manager: EntityManager) => SelectQueryBuilder<ObjectLiteral>;

export type StaffOrder = OrderView & { customer: { id: number; nickname: string }; pricedAsTierName?: string | null };

/** Reading orders (a customer's own; staff search), shipping, and where a gift goes. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  listOwn(customerId: number, query: OrderListQueryDto): Promise<Page<OrderView>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const group = query.group ? CUSTOMER_ORDER_GROUPS[query.group] : null;
      const where: FindOptionsWhere<Order> = {
        customerId,
        ...(query.status ? { status: query.status } : {}),
        ...(group ? { status: In([...group.statuses]), ...(group.kinds ? { kind: In([...group.kinds]) } : {}) } : {}),
      };
      const [rows, total] = await manager.findAndCount(Order, {
        where,
        relations: { lines: true },
        order: { id: 'DESC' },
        skip,
        take: pageSize,
      });
      return { items: rows.map(toOrderView), total, page, pageSize };
    });
  }

  /** How many of the customer's orders are in each group of 我的 (待付款 / 待发货 / 待收货). */
  async countOwnByGroup(manager: EntityManager, customerId: number): Promise<Record<CustomerOrderGroup, number>> {
    const count = (group: CustomerOrderGroup) => {
      const { statuses, kinds } = CUSTOMER_ORDER_GROUPS[group];
      return manager.countBy(Order, {
        customerId,
        status: In([...statuses]),
        ...(kinds ? { kind: In([...kinds]) } : {}),
      });
    };
    return {
      TO_PAY: await count(CustomerOrderGroup.TO_PAY),
      TO_SHIP: await count(CustomerOrderGroup.TO_SHIP),
      TO_RECEIVE: await count(CustomerOrderGroup.TO_RECEIVE),
    };
  }

  /** Another customer's order is a 404, never a 403: its existence is not disclosed. */
  getOwn(customerId: number, id: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => toOrderView(await this.getOwnOrThrow(manager, customerId, id)));
  }

  async getOwnOrThrow(manager: EntityManager, customerId: number, id: number, lock = false): Promise<Order> {
    const order = await manager.findOne(Order, {
      where: { id, customerId },
      ...(lock ? { lock: this.transactions.lockMode } : { relations: { lines: true } }),
    });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
    return order;
  }

  /** A gift order not yet shipped goes to the address the customer chooses. */
  setGiftAddress(customerId: number, id: number, address: AddressSnapshot): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await this.getOwnOrThrow(manager, customerId, id, true);
      if (order.kind !== OrderKind.GIFT || order.status !== OrderStatus.PAID) {
        throw conflict(
          ErrorCode.INVALID_ORDER_TRANSITION,
          'Only a gift that has not been shipped can change its address',
        );
      }
      await manager.update(Order, { id }, { address });
      return toOrderView(await this.getOwnOrThrow(manager, customerId, id));
    });
  }

  /**
   * Orders as staff filter them. `onlyOrderIds` narrows to the ids another feature's subquery selects (e.g. failed
   * WeChat shipping uploads): that feature owns its tables, the listing only applies the condition.
   */
  async searchForStaff(query: AdminOrderQueryDto, onlyOrderIds?: OrderIdSubquery): Promise<Page<StaffOrder>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.transactions.run(async (manager) => {
      const qb = manager
        .createQueryBuilder(Order, 'o')
        .innerJoinAndSelect('o.customer', 'c')
        .leftJoinAndSelect('o.lines', 'l')
        .orderBy('o.id', 'DESC');
      if (query.customerId) qb.andWhere('o.customerId = :customerId', { customerId: query.customerId });
      if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
      if (query.status) qb.andWhere('o.status = :status', { status: query.status });
      if (query.from) qb.andWhere('o.createdAt >= :from', { from: shopDayStart(query.from, this.config.shopTimeZone) });
      if (query.to) qb.andWhere('o.createdAt < :to', { to: shopDayStart(query.to, this.config.shopTimeZone, 1) });
      if (query.tierId) qb.andWhere('(o.tierId = :tierId OR o.pricedAsTierId = :tierId)', { tierId: query.tierId });
      if (query.fulfilment === 'TO_SHIP')
        qb.andWhere('o.kind IN (:...goods) AND o.status = :paid', {
          goods: [OrderKind.PRODUCT, OrderKind.GIFT],
          paid: OrderStatus.PAID,
        });
      if (query.fulfilment === 'SHIPPED')
        qb.andWhere('o.kind IN (:...goods) AND o.status IN (:...shipped)', {
          goods: [OrderKind.PRODUCT, OrderKind.GIFT],
          shipped: SHIPPED_STATUSES,
        });
      if (onlyOrderIds) {
        const ids = onlyOrderIds(manager);
        qb.andWhere(`o.id IN (${ids.getQuery()})`).setParameters(ids.getParameters());
      }
      if (query.q)
        qb.andWhere(
          new Brackets((w) =>
            w
              .where('o.outTradeNo LIKE :q', { q: `%${query.q}%` })
              .orWhere('c.nickname LIKE :q')
              .orWhere('c.phone LIKE :q'),
          ),
        );
      const [rows, total] = await qb.skip(skip).take(pageSize).getManyAndCount();
      return { items: rows.map(toStaffOrder), total, page, pageSize };
    });
  }

  getForStaff(id: number, manager?: EntityManager): Promise<StaffOrder> {
    const read = async (m: EntityManager) => {
      const order = await m.findOne(Order, { where: { id }, relations: { lines: true, customer: true } });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
      // Staff read the tier's name, not its id (by table name: orders does not import the membership feature).
      const pricedAs = order.pricedAsTierId
        ? await m
            .createQueryBuilder()
            .select('t.name', 'name')
            .from('tier', 't')
            .where('t.id = :id', { id: order.pricedAsTierId })
            .getRawOne<{ name: string }>()
        : undefined;
      return { ...toStaffOrder(order), pricedAsTierName: pricedAs?.name ?? null };
    };
    return manager ? read(manager) : this.transactions.run(read);
  }

  /** Staff hand a paid order (products or a gift pack) to a courier; it needs somewhere to go. */
  ship(actor: StaffPrincipal, id: number, shipment: ShipOrderDto): Promise<StaffOrder> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, { where: { id }, lock: this.transactions.lockMode });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${id} not found`);
      if (MEMBERSHIP_FEE_KINDS.includes(order.kind))
        throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'A membership fee is not shipped');
      if (!order.address)
        throw conflict(ErrorCode.ADDRESS_REQUIRED, 'The customer has not chosen a delivery address yet');
      // Goods must not leave while their money is on its way back; once shipped, a refund goes through a return.
      if (order.status === OrderStatus.REFUNDING)
        throw conflict(ErrorCode.ORDER_REFUNDING, '订单正在退款，不能发货；退款结束后再发货，或完成退款');
      const before = order.status;
      const now = this.clock.now();
      await this.machine.transition(
        manager,
        order,
        OrderStatus.SHIPPED,
        now,
        `shipped by ${actor.username}: ${shipment.carrier} ${shipment.trackingNo}`,
      );
      await manager.update(
        Order,
        { id },
        { carrier: shipment.carrier, trackingNo: shipment.trackingNo, shippedAt: now },
      );
      await this.audit.record(manager, actor, {
        action: 'order.ship',
        entity: 'order',
        entityId: id,
        before: { status: before },
        after: { status: order.status, carrier: shipment.carrier, trackingNo: shipment.trackingNo },
      });
      return this.getForStaff(id, manager);
    });
  }
}

const toStaffOrder = (order: Order): StaffOrder => ({
  ...toOrderView(order),
  customer: { id: order.customer.id, nickname: order.customer.nickname },
});
