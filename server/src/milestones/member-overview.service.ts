import { Injectable } from '@nestjs/common';
import { MyMembershipView, servesSince } from '@member-commerce/shared';
import { MembershipService } from '../membership/membership.service';
import { nextMilestone } from './milestone-rules';
import { MilestonesService } from './milestones.service';
import { SpendService } from './spend.service';

/** `GET /api/me/membership`: the membership with spend in the current term and the next milestone. */
@Injectable()
export class MemberOverviewService {
  constructor(
    private readonly memberships: MembershipService,
    private readonly milestones: MilestonesService,
    private readonly spend: SpendService,
  ) {}

  async forCustomer(customerId: number): Promise<MyMembershipView> {
    const { currentTermId, ...base } = await this.memberships.overview(customerId);
    const spendFen = currentTermId ? await this.spend.countedSpend(currentTermId) : 0;
    const savingsFen = await this.spend.savings(customerId);
    // A trial term joins no milestone run (membership/term-kinds.ts): no progress to show.
    const runStart = currentTermId ? (await this.spend.runOf(currentTermId))?.start : undefined;
    const next = runStart
      ? nextMilestone(
          (await this.milestones.all()).filter((milestone) => servesSince(milestone, runStart)),
          spendFen,
        )
      : undefined;
    return { ...base, spendFen, savingsFen, ...(next ? { nextMilestone: next } : {}) };
  }
}
