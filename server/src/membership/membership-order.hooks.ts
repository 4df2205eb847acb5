import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { OrderHookRegistry } from '../orders/order-hooks';
import { MEMBERSHIP_FEE_KINDS } from '../orders/order-state';
import { MembershipTerm } from './membership-term.entity';
import { MembershipTermsService } from './membership-terms.service';
import { TERM_FROM_PAYMENT_HOOK, TERM_REMOVAL_HOOK } from './term-hook-names';

/** Membership orders move terms: paying creates or extends one, a refund that ends the order removes it. */
@Injectable()
export class MembershipOrderHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly terms: MembershipTermsService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: TERM_FROM_PAYMENT_HOOK,
      on: { kind: OrderKind.MEMBERSHIP, from: [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED], to: OrderStatus.PAID },
      after: async ({ manager, order, now }) => {
        await this.terms.addPurchasedTerm(manager, {
          customerId: order.customerId,
          tierId: order.tierId!,
          terms: order.tierTerms!,
          orderId: order.id,
          feeFen: order.totalFen,
          now,
        });
      },
    });
    this.hooks.register({
      name: TERM_REMOVAL_HOOK,
      on: { kind: MEMBERSHIP_FEE_KINDS, from: OrderStatus.REFUNDING },
      after: async ({ manager, order, now, facts }) => {
        if (!facts.refund?.succeeded || !facts.refund.endsTerm) return;
        // The holder of the term: the buyer, or the friend who redeemed a gift (an unredeemed gift has none).
        const term = await manager.findOne(MembershipTerm, {
          where: { orderId: order.id },
          relations: { membership: true },
        });
        if (!term) return;
        await this.terms.removeOrderTerms(
          manager,
          term.membership.customerId,
          order.id,
          `会费退款 ${order.outTradeNo}`,
          now,
        );
      },
    });
  }
}
