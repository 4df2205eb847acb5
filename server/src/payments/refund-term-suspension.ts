import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { OrderKind, RefundStatus } from '@member-commerce/shared';
import { TermSuspensions } from '../membership/term-suspensions';
import { Order } from '../orders/order.entity';
import { RefundRequest } from './refund-request.entity';
import { Refund } from './refund.entity';
import { RefundsService } from './refunds.service';

/**
 * Tells membership which membership orders have a term-ending refund in progress, straight from the refund rows:
 * a PROCESSING refund marked `endsTerm`, or a PENDING refund request whose amount is everything still refundable
 * (it would end the term once approved). Their terms' benefits are suspended meanwhile.
 */
@Injectable()
export class RefundTermSuspension implements OnModuleInit {
  constructor(
    private readonly suspensions: TermSuspensions,
    private readonly refunds: RefundsService,
  ) {}

  onModuleInit(): void {
    this.suspensions.register((manager, orderIds) => this.inProgress(manager, orderIds));
  }

  private async inProgress(manager: EntityManager, orderIds: number[]): Promise<Set<number>> {
    const processing = await manager.find(Refund, {
      where: { orderId: In(orderIds), status: RefundStatus.PROCESSING, endsTerm: true },
      select: { id: true, orderId: true },
    });
    const found = new Set(processing.map((refund) => refund.orderId));
    const pending = await manager.find(RefundRequest, {
      where: { orderId: In(orderIds.filter((id) => !found.has(id))), status: 'PENDING' },
    });
    for (const request of pending) {
      if (found.has(request.orderId)) continue;
      const order = await manager.findOneBy(Order, { id: request.orderId });
      if (order?.kind !== OrderKind.MEMBERSHIP) continue;
      if (request.amountFen >= (await this.refunds.quoteOrder(manager, order)).refundableFen) found.add(order.id);
    }
    return found;
  }
}
