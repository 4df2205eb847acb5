import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { OrderStateMachine } from './order-state';
import { Order } from './order.entity';

/** Closing unpaid orders (stock goes back through the state machine's hooks, in the same transaction). */
@Injectable()
export class OrderClosingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly clock: Clock,
  ) {}

  close(manager: EntityManager, order: Order, note: string): Promise<void> {
    return this.machine.transition(manager, order, OrderStatus.CLOSED, this.clock.now(), note);
  }

  /** Closes the order if it is still unpaid (re-read under lock); false when it was paid meanwhile. */
  closeIfUnpaid(orderId: number, note: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, { where: { id: orderId }, lock: this.transactions.lockMode });
      if (order?.status !== OrderStatus.PENDING_PAYMENT) return false;
      await this.close(manager, order, note);
      return true;
    });
  }
}
