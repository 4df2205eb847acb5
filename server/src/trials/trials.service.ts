import { Injectable } from '@nestjs/common';
import { ErrorCode, MyMembershipView } from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { conflict } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { TiersService } from '../membership/tiers.service';
import { MemberOverviewService } from '../milestones/member-overview.service';
import { TrialUse } from './trial-use.entity';

const alreadyUsed = () => conflict(ErrorCode.TRIAL_ALREADY_USED, 'The free trial can be taken once');

/**
 * The free trial: once per customer (openid) and per phone number when known, of a tier that offers one,
 * for someone without a current membership. The trial term gives member prices and free shipping only
 * (membership/term-kinds.ts); paying for a membership during the trial starts the paid term at once.
 */
@Injectable()
export class TrialsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tiers: TiersService,
    private readonly terms: MembershipTermsService,
    private readonly overview: MemberOverviewService,
    private readonly clock: Clock,
  ) {}

  async start(customerId: number, tierId: number): Promise<{ membership: MyMembershipView }> {
    try {
      await this.transactions.run(async (manager) => {
        const now = this.clock.now();
        const tier = await this.tiers.getOnSaleOrThrow(manager, tierId);
        if (tier.trialDays <= 0) throw conflict(ErrorCode.TRIAL_NOT_OFFERED, `${tier.name} offers no trial`);
        // The customer row is the lock every term writer takes first: a second request waits here, then sees the first.
        const customer = await manager.findOneOrFail(Customer, {
          where: { id: customerId },
          lock: this.transactions.lockMode,
        });
        const phone = customer.phone || null;
        const used = await manager.findOne(TrialUse, { where: phone ? [{ customerId }, { phone }] : { customerId } });
        if (used) throw alreadyUsed();
        const term = await this.terms.addTrialTerm(manager, { customerId, tier, days: tier.trialDays, now });
        await manager.insert(TrialUse, { customerId, phone, tierId: tier.id, termId: term.id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyUsed();
      throw error;
    }
    return { membership: await this.overview.forCustomer(customerId) };
  }
}
