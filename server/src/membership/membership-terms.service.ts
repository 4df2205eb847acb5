import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import {
  ErrorCode,
  MembershipStatus,
  MembershipTermView,
  OrderStatus,
  TierTermsSnapshot,
  addDays,
  DAY_MS,
  renewalStart,
} from '@member-commerce/shared';
import { conflict, DomainError, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { OrderStateMachine } from '../orders/order-state';
import { Order } from '../orders/order.entity';
import { MembershipTerm } from './membership-term.entity';
import { Membership } from './membership.entity';
import { TermEvents } from './term-events';
import { isTrialTerm, trialBenefitIds } from './term-kinds';
import { planPurchasedTerm } from './term-planner';
import { isNotEmpty, lastEnd, termEnd } from './term-rules';
import { Tier } from './tier.entity';
import { soldBenefits } from './tier-views';

export type TierTerms = TierTermsSnapshot;

export interface PurchasedTermInput {
  customerId: number;
  tierId: number;
  terms: TierTerms;
  orderId: number | null;
  feeFen: number;
  now: Date;
  source?: MembershipTermView['source'];
}

/** What a buyer gets from a tier at the moment of checkout (needs `benefits` loaded; `giftPacks` when loaded). */
export function tierTerms(tier: Tier): TierTerms {
  return {
    tierName: tier.name,
    priceFen: tier.priceFen,
    defaultDiscountBp: tier.defaultDiscountBp,
    benefitIds: soldBenefits(tier).map((benefit) => benefit.id),
    ...(tier.giftPacks
      ? { giftPackIds: tier.giftPacks.filter((pack) => pack.status === 'ACTIVE').map((pack) => pack.id) }
      : {}),
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
    private readonly events: TermEvents,
    private readonly machine: OrderStateMachine,
  ) {}

  /** A paid (or seeded) term: first purchase, renewal, or a change of tier. */
  async addPurchasedTerm(manager: EntityManager, input: PurchasedTermInput): Promise<MembershipTerm> {
    const membership = await this.lockMembership(manager, input.customerId, input.tierId);
    const revoked = membership.status === MembershipStatus.REVOKED;
    const unended = revoked
      ? []
      : (
          await manager.find(MembershipTerm, { where: { membershipId: membership.id, end: MoreThan(input.now) } })
        ).filter(isNotEmpty);
    // Converting from a trial: the paid term starts now and the trial ends here (README "Trial").
    for (const trial of unended.filter(isTrialTerm))
      await manager.update(MembershipTerm, { id: trial.id }, { end: input.now });
    const open = unended.filter((term) => !isTrialTerm(term));
    const length = { unit: input.terms.termUnit, length: input.terms.termLength };
    const plan = planPurchasedTerm(open, input.tierId, input.now, (start) =>
      termEnd(start, length, this.config.shopTimeZone),
    );

    if (plan.cut) {
      const { term: cut, remainderMs } = plan.cut;
      const oldEnd = cut.end;
      for (const later of open.filter((term) => term.start >= oldEnd)) {
        await manager.update(
          MembershipTerm,
          { id: later.id },
          {
            start: new Date(later.start.getTime() + plan.shiftMs),
            end: new Date(later.end.getTime() + plan.shiftMs),
          },
        );
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
        snapshot: {
          tierName: input.terms.tierName,
          priceFen: input.terms.priceFen,
          defaultDiscountBp: input.terms.defaultDiscountBp,
          benefitIds: input.terms.benefitIds,
          ...(input.terms.giftPackIds ? { giftPackIds: input.terms.giftPackIds } : {}),
        },
      }),
    );
    await this.refresh(manager, membership, {
      tierId: input.tierId,
      status: MembershipStatus.ACTIVE,
      revokedReason: null,
      revokedAt: null,
    });
    return term;
  }

  /**
   * A free trial of `tier` for `days` from now: member price and free shipping only (term-kinds.ts). Refused
   * while another term covers now. Recorded like a zero-fee grant (the ledger lists every term handed out).
   */
  async addTrialTerm(
    manager: EntityManager,
    input: { customerId: number; tier: Tier; days: number; now: Date },
  ): Promise<MembershipTerm> {
    const membership = await this.lockMembership(manager, input.customerId, input.tier.id);
    const covering =
      membership.status === MembershipStatus.REVOKED
        ? null
        : await manager.findOne(MembershipTerm, {
            where: { membershipId: membership.id, start: LessThanOrEqual(input.now), end: MoreThan(input.now) },
          });
    if (covering)
      throw conflict(ErrorCode.TRIAL_NOT_AVAILABLE, 'A trial is for customers without a current membership');
    const terms = tierTerms(input.tier);
    const term = await manager.save(
      manager.create(MembershipTerm, {
        membershipId: membership.id,
        tierId: input.tier.id,
        start: input.now,
        end: addDays(input.now, input.days),
        source: 'TRIAL',
        orderId: null,
        feeFen: 0,
        snapshot: {
          tierName: terms.tierName,
          priceFen: 0,
          defaultDiscountBp: terms.defaultDiscountBp,
          benefitIds: trialBenefitIds(input.tier.benefits ?? []),
        },
      }),
    );
    await this.refresh(manager, membership, {
      tierId: input.tier.id,
      status: MembershipStatus.ACTIVE,
      revokedReason: null,
      revokedAt: null,
    });
    await this.events.emitGranted(manager, term, input.customerId, input.now);
    return term;
  }

  /** Staff grant of extra days, from the current end (or now once expired), in the tier of the last term. */
  async extend(
    manager: EntityManager,
    customerId: number,
    grant: { days: number; staffId: number | null; role: string },
    now: Date,
  ): Promise<MembershipTerm> {
    const membership = await this.lockMembership(manager, customerId);
    const last = await manager.findOne(MembershipTerm, {
      where: { membershipId: membership.id },
      order: { end: 'DESC' },
    });
    const start = renewalStart(membership.termEnd, now);
    const term = await manager.save(
      manager.create(MembershipTerm, {
        membershipId: membership.id,
        tierId: last?.tierId ?? membership.tierId,
        start,
        end: addDays(start, grant.days),
        source: 'STAFF_GRANT',
        orderId: null,
        feeFen: 0,
        grantedByStaffId: grant.staffId,
        grantedByRole: grant.role,
        snapshot: last?.snapshot ?? { tierName: '', priceFen: 0, defaultDiscountBp: 0, benefitIds: [] },
      }),
    );
    await this.refresh(manager, membership, {});
    await this.events.emitGranted(manager, term, customerId, now);
    return term;
  }

  /**
   * Auto-renew's grace period (宽限期): member prices kept from the end of the last paid term until `until`, in
   * that term's tier and snapshot. No fee, no order, no coupons; ended early by a renewal (endGrace).
   */
  async addGrace(manager: EntityManager, customerId: number, until: Date, now: Date): Promise<MembershipTerm | null> {
    const membership = await this.lockMembership(manager, customerId);
    if (membership.status === MembershipStatus.REVOKED) return null;
    const last = await manager.findOne(MembershipTerm, {
      where: { membershipId: membership.id },
      order: { end: 'DESC' },
    });
    if (!last || last.end >= until) return null;
    const term = await manager.save(
      manager.create(MembershipTerm, {
        membershipId: membership.id,
        tierId: last.tierId,
        start: last.end,
        end: until,
        source: 'GRACE',
        orderId: null,
        feeFen: 0,
        snapshot: last.snapshot,
      }),
    );
    await this.refresh(manager, membership, {});
    return term.end > now ? term : null;
  }

  /** A paid renewal ends any grace period at `now` (a grace not yet started is dropped). */
  async endGrace(manager: EntityManager, customerId: number, now: Date): Promise<void> {
    const membership = await manager.findOne(Membership, { where: { customerId } });
    if (!membership) return;
    const graces = await manager.find(MembershipTerm, {
      where: { membershipId: membership.id, source: 'GRACE', end: MoreThan(now) },
    });
    if (graces.length === 0) return;
    const locked = await this.lockMembership(manager, customerId);
    for (const grace of graces)
      await manager.update(
        MembershipTerm,
        { id: grace.id },
        grace.start < now ? { end: now } : { start: now, end: now },
      );
    await this.refresh(manager, locked, {});
  }

  /** End of the customer's last paid (or granted) term, grace excluded; null without one. */
  async paidEnd(manager: EntityManager, customerId: number): Promise<Date | null> {
    const row = await manager
      .createQueryBuilder(MembershipTerm, 't')
      .innerJoin(Membership, 'm', 'm.id = t.membershipId')
      .select('MAX(t.end)', 'end')
      .where('m.customerId = :customerId AND t.source <> :grace AND t.end > t.start', { customerId, grace: 'GRACE' })
      .getRawOne<{ end: string | Date | null }>();
    if (!row?.end) return null;
    return row.end instanceof Date ? row.end : parseDbTime(row.end);
  }

  /** A grant within the caller's cumulative cap per term (checked under the same locks as the write). */
  async extendChecked(
    manager: EntityManager,
    customerId: number,
    grant: { days: number; staffId: number; role: string },
    now: Date,
    capDays: number | null,
  ): Promise<MembershipTerm> {
    const membership = await this.lockMembership(manager, customerId);
    if (membership.status === MembershipStatus.REVOKED)
      throw conflict(ErrorCode.MEMBERSHIP_NOT_ACTIVE, 'A revoked membership cannot be extended');
    if (capDays !== null) {
      const used = await this.grantedDaysThisTerm(manager, membership.id, grant.role);
      if (used + grant.days > capDays) {
        throw new DomainError(
          ErrorCode.EXTENSION_LIMIT_EXCEEDED,
          `Support may grant at most ${capDays} days per term; ${Math.max(0, capDays - used)} left`,
          HttpStatus.FORBIDDEN,
          { capDays, usedDays: used },
        );
      }
    }
    return this.extend(manager, customerId, grant, now);
  }

  /**
   * Days that staff of `role` granted since the membership's latest paid term was bought: the cap on support's
   * extensions is cumulative per term, so repeating small grants cannot add up past it.
   */
  async grantedDaysThisTerm(manager: EntityManager, membershipId: number, role: string): Promise<number> {
    // Term ids grow with time: the grants written after the latest paid term was.
    const paid = await manager.findOne(MembershipTerm, {
      where: { membershipId, source: In(['PURCHASE', 'RENEWAL']) },
      order: { id: 'DESC' },
    });
    const grants = await manager.find(MembershipTerm, {
      where: { membershipId, source: 'STAFF_GRANT', grantedByRole: role, ...(paid ? { id: MoreThan(paid.id) } : {}) },
    });
    return grants.reduce((days, term) => days + Math.round((term.end.getTime() - term.start.getTime()) / DAY_MS), 0);
  }

  /**
   * A full refund of a membership order: the part of its terms not yet elapsed is removed and later terms move
   * back by what was removed; nothing else changes. The membership is revoked only when the refunded term was
   * what covered now and nothing covers now any more.
   */
  async removeOrderTerms(
    manager: EntityManager,
    customerId: number,
    orderId: number,
    reason: string,
    now: Date,
  ): Promise<void> {
    const membership = await this.lockMembership(manager, customerId);
    const terms = await manager.find(MembershipTerm, {
      where: { membershipId: membership.id },
      order: { start: 'ASC', id: 'ASC' },
    });
    const own = terms
      .filter((term) => term.orderId === orderId && term.end > now && isNotEmpty(term))
      .sort((a, b) => b.start.getTime() - a.start.getTime());
    const coveredNow = own.some((term) => term.start <= now);
    for (const segment of own) {
      const keepUntil = segment.start > now ? segment.start : now;
      const removedMs = segment.end.getTime() - keepUntil.getTime();
      const oldEnd = segment.end;
      segment.end = keepUntil;
      await manager.update(MembershipTerm, { id: segment.id }, { end: keepUntil });
      for (const later of terms.filter((term) => term.id !== segment.id && term.start >= oldEnd)) {
        later.start = new Date(later.start.getTime() - removedMs);
        later.end = new Date(later.end.getTime() - removedMs);
        await manager.update(MembershipTerm, { id: later.id }, { start: later.start, end: later.end });
      }
    }
    const stillCovered = terms.some((term) => term.start <= now && now < term.end);
    const revoke = membership.status !== MembershipStatus.REVOKED && coveredNow && !stillCovered;
    await this.refresh(
      manager,
      membership,
      revoke ? { status: MembershipStatus.REVOKED, revokedReason: reason, revokedAt: now } : {},
    );
    await this.endBenefits(
      manager,
      customerId,
      terms.filter((term) => term.orderId === orderId).map((term) => term.id),
      now,
    );
  }

  /** Ends every open term now; the membership stays REVOKED until the customer buys again. */
  async revoke(manager: EntityManager, membership: Membership, reason: string, now: Date): Promise<void> {
    const open = await manager.find(MembershipTerm, { where: { membershipId: membership.id, end: MoreThan(now) } });
    for (const term of open) {
      await manager.update(MembershipTerm, { id: term.id }, { start: term.start < now ? term.start : now, end: now });
    }
    await this.refresh(manager, membership, {
      status: MembershipStatus.REVOKED,
      revokedReason: reason,
      revokedAt: now,
    });
    await this.endBenefits(
      manager,
      membership.customerId,
      open.map((term) => term.id),
      now,
    );
  }

  /**
   * Terms cut short (revoke, full refund) take their promises with them: unpaid orders priced with them close
   * (through the state machine, which releases their stock and coupon), then listeners void their coupons.
   */
  private async endBenefits(manager: EntityManager, customerId: number, termIds: number[], now: Date): Promise<void> {
    if (!termIds.length) return;
    const unpaid = await manager.find(Order, {
      where: { customerId, termId: In(termIds), status: OrderStatus.PENDING_PAYMENT },
      lock: this.transactions.lockMode,
    });
    for (const order of unpaid)
      await this.machine.transition(
        manager,
        order,
        OrderStatus.CLOSED,
        now,
        'the member price ended with the membership term',
      );
    await this.events.emitEnded(manager, termIds, customerId, now);
  }

  /**
   * Every writer of a customer's terms locks the customer row first, then the membership: one order of locks,
   * so concurrent payments and staff grants queue instead of each computing from what the other has not written.
   */
  private async lockMembership(manager: EntityManager, customerId: number, tierIdForNew?: number): Promise<Membership> {
    await manager.findOne(Customer, { where: { id: customerId }, lock: this.transactions.lockMode });
    const existing = await manager.findOne(Membership, { where: { customerId }, lock: this.transactions.lockMode });
    if (existing) return existing;
    if (tierIdForNew === undefined)
      throw notFound(ErrorCode.MEMBERSHIP_NOT_FOUND, `Customer ${customerId} has no membership`);
    return manager.save(
      manager.create(Membership, { customerId, tierId: tierIdForNew, status: MembershipStatus.ACTIVE, termEnd: null }),
    );
  }

  private async refresh(manager: EntityManager, membership: Membership, changes: Partial<Membership>): Promise<void> {
    const terms = await manager.find(MembershipTerm, {
      where: { membershipId: membership.id },
      select: { id: true, start: true, end: true },
    });
    const lived = terms.filter(isNotEmpty);
    Object.assign(membership, changes, { termEnd: lastEnd(lived.length ? lived : terms) });
    await manager.update(
      Membership,
      { id: membership.id },
      {
        tierId: membership.tierId,
        status: membership.status,
        termEnd: membership.termEnd,
        revokedReason: membership.revokedReason,
        revokedAt: membership.revokedAt,
      },
    );
  }
}

/** A raw datetime(3) from either database: MySQL answers a Date, SQLite a 'YYYY-MM-DD HH:mm:ss.SSS' UTC text. */
function parseDbTime(text: string): Date {
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
