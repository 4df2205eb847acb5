import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, MembershipCodeStatus, MembershipResponse, normaliseCode } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { MembershipTermsService, tierTerms } from '../membership/membership-terms.service';
import { markRevenueDirty } from '../finance/report/revenue-dirty';
import { TermEvents } from '../membership/term-events';
import { Tier } from '../membership/tier.entity';
import { MemberOverviewService } from '../milestones/member-overview.service';
import { Order } from '../orders/order.entity';
import { isWellFormedCode } from './code-generator';
import { MembershipCode } from './membership-code.entity';

const notFoundCode = () => notFound(ErrorCode.CODE_NOT_FOUND, 'No such code, or it is void or expired');
const alreadyRedeemed = () => conflict(ErrorCode.CODE_ALREADY_REDEEMED, 'This code has already been redeemed');

/**
 * A customer redeems a membership code: the code turns REDEEMED by a conditional update (only one of any number
 * of concurrent redemptions changes the row) and, in the same transaction, the term of the code's tier is
 * written like a purchase: it starts now, or after the current term of the same tier (a renewal), or now
 * with the current term of another tier carried over. The term is a `CODE` term: it offers the tier's
 * welcome gift (term-kinds.ts).
 */
@Injectable()
export class CodeRedemptionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly terms: MembershipTermsService,
    private readonly termEvents: TermEvents,
    private readonly overview: MemberOverviewService,
    private readonly clock: Clock,
  ) {}

  async redeem(customerId: number, input: string): Promise<MembershipResponse> {
    const value = normaliseCode(input);
    if (!isWellFormedCode(value)) throw notFoundCode();
    await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const code = await manager.findOneBy(MembershipCode, { code: value });
      if (!code || code.status === MembershipCodeStatus.VOID) throw notFoundCode();
      if (code.status === MembershipCodeStatus.REDEEMED) throw alreadyRedeemed();
      if (code.validUntil <= now) throw notFoundCode();
      const taken = await manager.update(
        MembershipCode,
        { id: code.id, status: MembershipCodeStatus.ACTIVE },
        { status: MembershipCodeStatus.REDEEMED, redeemedByCustomerId: customerId, redeemedAt: now },
      );
      if (!taken.affected) throw await this.whyNotTaken(manager, code.id);
      await this.writeTerm(manager, code, customerId, now);
    });
    return { membership: await this.overview.forCustomer(customerId) };
  }

  private async writeTerm(manager: EntityManager, code: MembershipCode, customerId: number, now: Date): Promise<void> {
    // An archived tier sells no more, but a code already issued for it is honoured as sold.
    const tier = await manager.findOneOrFail(Tier, { where: { id: code.tierId }, relations: { benefits: true } });
    const gift = code.giftOrderId !== null ? await manager.findOneByOrFail(Order, { id: code.giftOrderId }) : null;
    const term = await this.terms.addPurchasedTerm(manager, {
      customerId,
      tierId: tier.id,
      terms: gift?.tierTerms ?? tierTerms(tier),
      orderId: code.giftOrderId,
      feeFen: gift?.totalFen ?? 0,
      now,
      source: 'CODE',
    });
    await manager.update(MembershipCode, { id: code.id }, { termId: term.id });
    // The new term may cut the redeemer's current one, and a gift's deferred fee starts being recognised: both
    // customers' revenue figures are recomputed before the next report.
    await markRevenueDirty(manager, customerId);
    if (gift) await markRevenueDirty(manager, gift.customerId);
    // A gift's fee is in the ledger since it was paid (deferred); recognition follows its term through orderId.
    // A staff code was free: a zero entry lists the term like any grant.
    if (!gift) await this.termEvents.emitGranted(manager, term, customerId, now);
  }

  /** Someone else changed the row between our read and our update. */
  private async whyNotTaken(manager: EntityManager, id: number): Promise<Error> {
    const now = await manager.findOneByOrFail(MembershipCode, { id });
    return now.status === MembershipCodeStatus.REDEEMED ? alreadyRedeemed() : notFoundCode();
  }
}
