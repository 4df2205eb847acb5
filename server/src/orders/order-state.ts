import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, OrderKind, orderMoney, OrderStatus } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { insertRow, insertRows, updateRows } from '../database/rows';
import { OrderEvent } from './order-event.entity';
import { OrderLine } from './order-line.entity';
import { OrderHookRegistry, OrderTransition, TransitionFacts } from './order-hooks';
import { Order } from './order.entity';

/**
 * Which status may follow which. A CLOSED order may still become PAID: WeChat's word that money arrived
 * (a late notify) wins over our own timeout, and a paid order is never lost. REFUNDING returns to the status
 * it came from when a refund fails or was partial, or ends in REFUNDED when everything was returned. A paid
 * order closes only when it is a zero-price gift that staff cancel before shipping.
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CLOSED'],
  CLOSED: ['PAID'],
  // PAID → CLOSED: staff cancel an unshipped GIFT order (a before hook refuses every other kind).
  PAID: ['SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED', 'CLOSED'],
  SHIPPED: ['COMPLETED', 'REFUNDING', 'REFUNDED'],
  COMPLETED: ['REFUNDING', 'REFUNDED'],
  REFUNDING: ['REFUNDED', 'PAID', 'SHIPPED', 'COMPLETED'],
  REFUNDED: [],
};

/** The statuses an order may be created in: awaiting payment, or (zero-price gift orders) already settled. */
export const INITIAL_STATUSES: Record<OrderKind, readonly OrderStatus[]> = {
  MEMBERSHIP: [OrderStatus.PENDING_PAYMENT],
  PRODUCT: [OrderStatus.PENDING_PAYMENT],
  GIFT: [OrderStatus.PAID],
  MEMBERSHIP_GIFT: [OrderStatus.PENDING_PAYMENT],
};

export { PAID_STATUSES, REFUNDABLE_STATUSES } from '@member-commerce/shared';

/** Orders whose money is a membership fee (refund quote, term removal): bought for oneself or as a gift. */
export const MEMBERSHIP_FEE_KINDS: readonly OrderKind[] = [OrderKind.MEMBERSHIP, OrderKind.MEMBERSHIP_GIFT];

/** The money columns `create` computes from the lines (shared `orderMoney`): callers never pass them. */
type ComputedMoney = 'totalFen' | 'listTotalFen' | 'goodsFen' | 'memberSavingsFen';

/** What a caller gives `OrderStateMachine.create`: the order's fields except status and computed money. */
export type OrderFields = Omit<Partial<Order>, 'status' | ComputedMoney> & Pick<Order, 'kind'>;

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * The one writer of `order.status`, creation included. A transition is checked against the table, then the
 * registered guards may veto it (with an error code), then the status, time stamps and history row are
 * written, then the features' hooks run — all inside the caller's transaction.
 */
@Injectable()
export class OrderStateMachine {
  constructor(private readonly hooks: OrderHookRegistry) {}

  /**
   * Inserts a new order (with `lines`, in one statement) in one of the statuses its kind may start in. Its money
   * (list total, goods, total, member savings) is computed here from the lines, shipping and coupon, once.
   */
  async create(
    manager: EntityManager,
    fields: OrderFields,
    initial: OrderStatus,
    now: Date,
    note = '',
  ): Promise<Order> {
    if (!INITIAL_STATUSES[fields.kind].includes(initial)) {
      throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, `A ${fields.kind} order cannot start as ${initial}`, {
        kind: fields.kind,
        initial,
      });
    }
    const stamps = initial === OrderStatus.PAID ? { paidAt: fields.paidAt ?? now } : {};
    // One statement per table (order, all its lines, its history row), none re-read: the defaults are set here
    // (time stamps from the wall clock, as the database default would have them).
    const { lines = [], ...columns } = fields;
    const money = orderMoney(lines, {
      shippingFen: fields.shippingFen ?? 0,
      couponDiscountFen: fields.couponDiscountFen ?? 0,
      memberPriced: fields.kind === OrderKind.PRODUCT && fields.pricedAsTierId != null,
    });
    const written = new Date();
    const order = manager.create(Order, {
      refundedFen: 0,
      ...columns,
      ...money,
      ...stamps,
      status: initial,
      createdAt: written,
      updatedAt: written,
    });
    order.id = await insertRow(manager, Order, order);
    for (const line of lines) line.orderId = order.id;
    if (lines.length) {
      const firstId = await insertRows(manager, OrderLine, lines);
      lines.forEach((line, index) => (line.id = firstId + index));
    }
    order.lines = lines;
    await insertRow(manager, OrderEvent, { orderId: order.id, fromStatus: null, toStatus: initial, note });
    await this.hooks.runAfter({ manager, order, from: null, to: initial, now, facts: {} });
    return order;
  }

  async transition(
    manager: EntityManager,
    order: Order,
    to: OrderStatus,
    now: Date,
    note = '',
    facts: TransitionFacts = {},
  ): Promise<void> {
    const from = order.status;
    if (!canTransition(from, to)) {
      throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, `An order that is ${from} cannot become ${to}`, { from, to });
    }
    const transition: OrderTransition = { manager, order, from, to, now, facts };
    await this.hooks.runBefore(transition);
    const stamps: Partial<Order> =
      to === OrderStatus.PAID && !order.paidAt ? { paidAt: now } : to === OrderStatus.CLOSED ? { closedAt: now } : {};
    Object.assign(order, { status: to }, stamps);
    await updateRows(manager, Order, { id: order.id }, { status: to, ...stamps });
    await insertRow(manager, OrderEvent, { orderId: order.id, fromStatus: from, toStatus: to, note });
    await this.hooks.runAfter(transition);
  }
}
