import { EntityManager } from 'typeorm';
import { ErrorCode, OrderStatus } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { OrderEvent } from './order-event.entity';
import { Order } from './order.entity';

/**
 * Which status may follow which. A CLOSED order may still become PAID: WeChat's word that money arrived
 * (a late notify) wins over our own timeout, and a paid order is never lost.
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CLOSED'],
  CLOSED: ['PAID'],
  PAID: ['SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'],
  SHIPPED: ['COMPLETED', 'REFUNDING', 'REFUNDED'],
  COMPLETED: ['REFUNDING', 'REFUNDED'],
  REFUNDING: ['REFUNDED', 'PAID', 'SHIPPED', 'COMPLETED'],
  REFUNDED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The one writer of `order.status`: checks the transition, stamps times, records the history row. */
export class OrderStateMachine {
  static async transition(manager: EntityManager, order: Order, to: OrderStatus, now: Date, note = ''): Promise<void> {
    const from = order.status;
    if (!canTransition(from, to)) {
      throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, `An order that is ${from} cannot become ${to}`, { from, to });
    }
    const stamps: Partial<Order> = to === OrderStatus.PAID && !order.paidAt ? { paidAt: now } : to === OrderStatus.CLOSED ? { closedAt: now } : {};
    Object.assign(order, { status: to }, stamps);
    await manager.update(Order, { id: order.id }, { status: to, ...stamps });
    await manager.insert(OrderEvent, { orderId: order.id, fromStatus: from, toStatus: to, note });
  }
}
