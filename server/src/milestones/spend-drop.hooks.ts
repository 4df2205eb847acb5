import { Injectable, OnModuleInit } from '@nestjs/common';
import { In, LessThanOrEqual, MoreThan } from 'typeorm';
import { formatFen, OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { Membership } from '../membership/membership.entity';
import { OrderHookRegistry } from '../orders/order-hooks';
import { GiftClaim } from './gift-claim.entity';
import { Milestone } from './milestone.entity';
import { SpendService } from './spend.service';
import { StaffAlert } from './staff-alert.entity';

/**
 * A refund that drops counted spend below a milestone already rewarded does not claw the pack back,
 * but staff are told.
 */
@Injectable()
export class SpendDropHooks implements OnModuleInit {
  constructor(
    private readonly hooks: OrderHookRegistry,
    private readonly spend: SpendService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'milestones: flag a refund below a rewarded milestone',
      on: { kind: OrderKind.PRODUCT, from: OrderStatus.REFUNDING },
      after: async ({ manager, order, facts }) => {
        if (!facts.refund?.succeeded || !order.paidAt) return;
        const membership = await manager.findOneBy(Membership, { customerId: order.customerId });
        if (!membership) return;
        const term = await manager.findOne(MembershipTerm, {
          where: { membershipId: membership.id, start: LessThanOrEqual(order.paidAt), end: MoreThan(order.paidAt) },
          order: { start: 'DESC' },
        });
        const run = term && (await this.spend.runOf(term.id, manager));
        if (!term || !run) return;
        const claims = await manager.findBy(GiftClaim, { termId: In(run.termIds), source: 'MILESTONE' });
        if (!claims.length) return;
        const milestones = await manager.findBy(Milestone, { id: In(claims.map((claim) => claim.milestoneId!)) });
        const spendFen = await this.spend.countedSpend(term.id, manager);
        const above = milestones.filter((milestone) => milestone.thresholdFen > spendFen);
        if (!above.length) return;
        await manager.insert(StaffAlert, {
          kind: 'MILESTONE_SPEND_DROPPED',
          customerId: order.customerId,
          orderId: order.id,
          message: `退款后累计消费 ${formatFen(spendFen)}，低于已领取的里程碑：${above.map((m) => m.title).join('、')}`,
          details: { spendFen, milestoneIds: above.map((m) => m.id), refundFen: facts.refund.amountFen },
          resolvedAt: null,
        });
      },
    });
  }
}
