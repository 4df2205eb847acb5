import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { MembershipStatus, MembershipTermView, TermUnit } from '@member-commerce/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { MembershipTerm, TermSnapshot } from './membership-term.entity';
import { Membership } from './membership.entity';
import { planPurchasedTerm } from './term-planner';
import { addDays, lastEnd, renewalStart, termEnd } from './term-rules';
import { Tier } from './tier.entity';

/** A tier's terms as sold: frozen on the order at checkout, copied onto the term at payment. */
export interface TierTerms extends TermSnapshot {
  termUnit: TermUnit;
  termLength: number;
}

export interface PurchasedTermInput {
  customerId: number;
  tierId: number;
  terms: TierTerms;
  orderId: number | null;
  feeFen: number;
  now: Date;
  source?: MembershipTermView['source'];
}

/** What a buyer gets from a tier at the moment of checkout (needs `benefits` loaded). */
export function tierTerms(tier: Tier): TierTerms {
  return {
    tierName: tier.name,
    priceFen: tier.priceFen,
    defaultDiscountBp: tier.defaultDiscountBp,
    benefitIds: (tier.benefits ?? []).map((benefit) => benefit.id),
    termUnit: tier.termUnit,
    termLength: tier.termLength,
  };
}

/**
 * Writes membership terms. Every method runs inside the caller's transaction and locks the customer row first,
 * so two payments of one customer never interleave their term arithmetic.
 */
@Injectable()
export class MembershipTermsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
  ) {}

  /** A paid (or seeded) term: first purchase, renewal, or a change of tier (DESIGN.md "Membership lifecycle"). */
  async addPurchasedTerm(manager: EntityManager, input: PurchasedTermInput): Promise<MembershipTerm> {
    const membership = await this.lockMembership(manager, input.customerId, input.tierId);
    const revoked = membership.status === MembershipStatus.REVOKED;
    const open = revoked ? [] : await manager.find(MembershipTerm, { where: { membershipId: membership.id, end: MoreThan(input.now) } });
    const length = { unit: input.terms.termUnit, length: input.terms.termLength };
    const plan = planPurchasedTerm(open, input.tierId, input.now, (start) => termEnd(start, length, this.config.shopTimeZone));

    if (plan.cut) {
      const { term: cut, remainderMs } = plan.cut;
      const oldEnd = cut.end;
      for (const later of open.filter((term) => term.start >= oldEnd)) {
        await manager.update(MembershipTerm, { id: later.id }, {
          start: new Date(later.start.getTime() + plan.shiftMs),
          end: new Date(later.end.getTime() + plan.shiftMs),
        });
      }
      await manager.update(MembershipTerm, { id: cut.id }, { end: input.now });
      await manager.insert(MembershipTerm, {
        membershipId: membership.id,
        tierId: cut.tierId,
        start: plan.end,
        end: new Date(plan.end.getTime() + remainderMs),
        source: 'CARRY_OVER',
        orderId: cut.orderId,
        feeFen: 0,
        snapshot: cut.snapshot,
      });
    }

    const source = input.source ?? (open.length > 0 && !plan.cut ? 'RENEWAL' : 'PURCHASE');
    const term = await manager.save(
      manager.create(MembershipTerm, {
        membershipId: membership.id,
        tierId: input.tierId,
        start: plan.start,
        end: plan.end,
        source,
        orderId: input.orderId,
        feeFen: input.feeFen,
        snapshot: { tierName: input.terms.tierName, priceFen: input.terms.priceFen, defaultDiscountBp: input.terms.defaultDiscountBp, benefitIds: input.terms.benefitIds },
      }),
    );
    await this.refresh(manager, membership, { tierId: input.tierId, status: MembershipStatus.ACTIVE, revokedReason: null, revokedAt: null });
    return term;
  }

  /** Staff grant of extra days, from the current end (or now once expired), in the tier of the last term. */
  async extend(manager: EntityManager, membership: Membership, days: number, now: Date): Promise<MembershipTerm> {
    const last = await manager.findOne(MembershipTerm, { where: { membershipId: membership.id }, order: { end: 'DESC' } });
    const start = renewalStart(membership.termEnd, now);
    const term = await manager.save(
      manager.create(MembershipTerm, {
        membershipId: membership.id,
        tierId: last?.tierId ?? membership.tierId,
        start,
        end: addDays(start, days),
        source: 'STAFF_GRANT',
        orderId: null,
        feeFen: 0,
        snapshot: last?.snapshot ?? { tierName: '', priceFen: 0, defaultDiscountBp: 0, benefitIds: [] },
      }),
    );
    await this.refresh(manager, membership, {});
    return term;
  }

  /** Ends every open term now; the membership stays REVOKED until the customer buys again. */
  async revoke(manager: EntityManager, membership: Membership, reason: string, now: Date): Promise<void> {
    const open = await manager.find(MembershipTerm, { where: { membershipId: membership.id, end: MoreThan(now) } });
    for (const term of open) {
      await manager.update(MembershipTerm, { id: term.id }, { start: term.start < now ? term.start : now, end: now });
    }
    await this.refresh(manager, membership, { status: MembershipStatus.REVOKED, revokedReason: reason, revokedAt: now });
  }

  private async lockMembership(manager: EntityManager, customerId: number, tierId: number): Promise<Membership> {
    await manager.findOne(Customer, { where: { id: customerId }, lock: this.transactions.lockMode });
    const existing = await manager.findOne(Membership, { where: { customerId }, lock: this.transactions.lockMode });
    if (existing) return existing;
    return manager.save(manager.create(Membership, { customerId, tierId, status: MembershipStatus.ACTIVE, termEnd: null }));
  }

  private async refresh(manager: EntityManager, membership: Membership, changes: Partial<Membership>): Promise<void> {
    const terms = await manager.find(MembershipTerm, { where: { membershipId: membership.id }, select: { id: true, start: true, end: true } });
    Object.assign(membership, changes, { termEnd: lastEnd(terms) });
    await manager.update(Membership, { id: membership.id }, {
      tierId: membership.tierId,
      status: membership.status,
      termEnd: membership.termEnd,
      revokedReason: membership.revokedReason,
      revokedAt: membership.revokedAt,
    });
  }
}
