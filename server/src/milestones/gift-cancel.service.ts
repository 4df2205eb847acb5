import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErrorCode, OrderKind, OrderStatus, OrderView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { OrderHookRegistry } from '../orders/order-hooks';
import { OrderStateMachine } from '../orders/order-state';
import { toOrderView } from '../orders/order-views';
import { Order } from '../orders/order.entity';
import { AuditService } from '../staff/audit.service';
import { GiftClaim } from './gift-claim.entity';

/**
 * Staff cancel a gift order that has not shipped (wrong pack, member asked, pack out of stock). The claim row
 * goes with it, so the membership refund quote no longer counts that pack as a benefit used, and the gift may
 * be claimed again.
 */
@Injectable()
export class GiftCancelService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly hooks: OrderHookRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'milestones: a cancelled gift is no longer claimed',
      on: { kind: OrderKind.GIFT, from: OrderStatus.PAID, to: OrderStatus.CLOSED },
      after: async ({ manager, order }) => {
        await manager.delete(GiftClaim, { orderId: order.id });
      },
    });
  }

  cancel(actor: StaffPrincipal, orderId: number, reason: string): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, { where: { id: orderId }, lock: this.transactions.lockMode });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
      if (order.kind !== OrderKind.GIFT || order.status !== OrderStatus.PAID) {
        throw conflict(
          ErrorCode.GIFT_ORDER_NOT_CANCELLABLE,
          `Only an unshipped gift order can be cancelled (this one is a ${order.status} ${order.kind} order)`,
        );
      }
      const claim = await manager.findOneBy(GiftClaim, { orderId });
      await this.machine.transition(
        manager,
        order,
        OrderStatus.CLOSED,
        this.clock.now(),
        `gift cancelled by ${actor.username}: ${reason}`,
      );
      await this.audit.record(manager, actor, {
        action: 'order.cancel-gift',
        entity: 'order',
        entityId: orderId,
        before: {
          status: OrderStatus.PAID,
          claim: claim && { claimKey: claim.claimKey, termId: claim.termId, valueFen: claim.valueFen },
        },
        after: { status: OrderStatus.CLOSED, reason },
      });
      return toOrderView(await manager.findOneOrFail(Order, { where: { id: orderId }, relations: { lines: true } }));
    });
  }
}
