import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { OrderLine } from './order-line.entity';
import { OrderStateMachine } from './order-state';
import { Order } from './order.entity';
import { releaseGiftPack, releaseSku } from './stock';

/** Closing unpaid orders: stock and reserved gift packs go back, in the same transaction. */
@Injectable()
export class OrderClosingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async close(manager: EntityManager, order: Order, note: string): Promise<void> {
    for (const line of await manager.findBy(OrderLine, { orderId: order.id })) if (line.skuId) await releaseSku(manager, line.skuId, line.quantity);
    if (order.kind === OrderKind.MEMBERSHIP && order.giftPackId) await releaseGiftPack(manager, order.giftPackId);
    await OrderStateMachine.transition(manager, order, OrderStatus.CLOSED, this.clock.now(), note);
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
