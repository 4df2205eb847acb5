import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AdminMemberView, ErrorCode, MembershipStatus, MyMembershipView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { asColumn, columnsOf, fromRow, runStatement, tableOf } from '../database/rows';
import { Transactions } from '../database/transactions';
import { Order } from '../orders/order.entity';
import { AuditService } from '../staff/audit.service';
import { ExtendMembershipDto, RevokeMembershipDto } from './dto/member-action.dto';
import { effectiveStatus, membershipDaysLeft } from './membership-status';
import { MembershipTerm } from './membership-term.entity';
import { MembershipTermsService } from './membership-terms.service';
import { Membership } from './membership.entity';
import { termStanding, TermStanding, wholeSecond } from './term-standing';
import { TermSuspensions } from './term-suspensions';
import { toTermView } from './term-views';

/** The term that prices a customer's purchases right now, if their membership is active. */
export interface ActiveTerm {
  term: MembershipTerm;
  tierId: number;
  defaultDiscountBp: number;
}

type MembershipBase = Omit<MyMembershipView, 'spendFen' | 'savingsFen' | 'nextMilestone'>;

/** Reading memberships (customer's own view, one member for staff) and the staff actions on them. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(MembershipTerm) private readonly terms: Repository<MembershipTerm>,
    private readonly termWriter: MembershipTermsService,
    private readonly suspensions: TermSuspensions,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The live term at `at` (default now); undefined for non-members, expired or revoked members, and while a
   * refund that will end the term is in progress (its benefits are suspended). See term-standing.ts.
   */
  async activeTerm(
    customerId: number,
    at: Date = this.clock.now(),
    manager: EntityManager = this.memberships.manager,
  ): Promise<ActiveTerm | undefined> {
    // One statement on the hot path of every priced request: the terms around `at` of a membership not revoked.
    // Bounds are widened to the whole second of `at`; termStanding decides at that resolution.
    const nextSecond = new Date((wholeSecond(at) + 1) * 1000);
    const { records } = await runStatement(
      manager,
      `SELECT ${columnsOf(manager, MembershipTerm, 't')}
         FROM ${tableOf(manager, MembershipTerm)} t JOIN ${tableOf(manager, Membership)} m ON m.id = t.membershipId
        WHERE m.customerId = ? AND m.status != ? AND t.start < ? AND t.\`end\` > ?
        ORDER BY t.start DESC LIMIT 2`,
      [
        customerId,
        MembershipStatus.REVOKED,
        asColumn(manager, MembershipTerm, 'start', nextSecond),
        asColumn(manager, MembershipTerm, 'end', at),
      ],
    );
    const candidates = records.map((row: Record<string, unknown>) => fromRow(manager, MembershipTerm, 't', row)!);
    const term = candidates.find(
      (candidate) => termStanding({ ...candidate, membershipRevoked: false, refundInProgress: false }, at) === 'LIVE',
    );
    if (!term) return undefined;
    if (term.orderId && (await this.suspensions.refundsInProgress(manager, [term.orderId])).has(term.orderId))
      return undefined;
    return { term, tierId: term.tierId, defaultDiscountBp: term.snapshot.defaultDiscountBp };
  }

  /** How each of these terms stands at `at` (terms not found are ENDED). */
  async standings(
    manager: EntityManager,
    termIds: number[],
    at: Date = this.clock.now(),
  ): Promise<Map<number, TermStanding>> {
    const ids = [...new Set(termIds)];
    const result = new Map<number, TermStanding>(ids.map((id) => [id, 'ENDED']));
    if (!ids.length) return result;
    const terms = await manager.find(MembershipTerm, { where: { id: In(ids) }, relations: { membership: true } });
    const refunding = await this.suspensions.refundsInProgress(
      manager,
      terms.flatMap((term) => (term.orderId ? [term.orderId] : [])),
    );
    for (const term of terms) {
      const facts = {
        start: term.start,
        end: term.end,
        membershipRevoked: term.membership.status === MembershipStatus.REVOKED,
        refundInProgress: !!term.orderId && refunding.has(term.orderId),
      };
      result.set(term.id, termStanding(facts, at));
    }
    return result;
  }

  /** The customer's membership without spend figures (MemberOverviewService adds those). */
  async overview(customerId: number): Promise<MembershipBase & { currentTermId?: number }> {
    const now = this.clock.now();
    const membership = await this.memberships.findOne({ where: { customerId }, relations: { tier: true } });
    const status = effectiveStatus(membership, now);
    if (!membership) return { status, terms: [] };
    const terms = await this.terms.find({
      where: { membershipId: membership.id },
      relations: { tier: true },
      order: { start: 'ASC' },
    });
    const current = terms.find((term) => term.start <= now && now < term.end);
    const tier = current?.tier ?? membership.tier;
    return {
      status,
      tier: { id: tier.id, code: tier.code, name: current?.snapshot.tierName ?? tier.name },
      termStart: (current ?? terms[terms.length - 1])?.start.toISOString(),
      termEnd: membership.termEnd?.toISOString(),
      daysLeft: membershipDaysLeft(membership, now, this.config.shopTimeZone),
      terms: terms.filter((term) => term.end > term.start).map(toTermView),
      currentTermId: status === MembershipStatus.ACTIVE ? current?.id : undefined,
      ...(status === MembershipStatus.ACTIVE &&
      current &&
      (await this.standings(this.terms.manager, [current.id], now)).get(current.id) === 'SUSPENDED'
        ? { benefitsSuspended: true }
        : {}),
    };
  }

  async getForStaff(membershipId: number): Promise<AdminMemberView> {
    const membership = await this.getOrThrow(this.memberships.manager, membershipId);
    const terms = await this.terms.find({
      where: { membershipId },
      relations: { tier: true },
      order: { start: 'ASC' },
    });
    return this.toAdminView(membership, terms, this.clock.now(), await this.orderNumbers(terms));
  }

  extend(actor: StaffPrincipal, membershipId: number, input: ExtendMembershipDto): Promise<AdminMemberView> {
    return this.transactions.run(async (manager) => {
      const found = await this.getOrThrow(manager, membershipId);
      const now = this.clock.now();
      const term = await this.termWriter.extendChecked(
        manager,
        found.customerId,
        { days: input.days, staffId: actor.staffId, role: actor.role },
        now,
        this.extensionCap(actor),
      );
      const membership = await this.getOrThrow(manager, membershipId);
      await this.audit.record(manager, actor, {
        action: 'membership.extend',
        entity: 'membership',
        entityId: membershipId,
        before: { termEnd: found.termEnd?.toISOString() ?? null },
        after: {
          termEnd: membership.termEnd?.toISOString() ?? null,
          days: input.days,
          reason: input.reason,
          termId: term.id,
        },
      });
      return this.getForStaffIn(manager, membershipId);
    });
  }

  private extensionCap(actor: StaffPrincipal): number | null {
    return actor.role === 'support' ? this.config.supportMaxExtensionDays : null;
  }

  revoke(actor: StaffPrincipal, membershipId: number, input: RevokeMembershipDto): Promise<AdminMemberView> {
    return this.transactions.run(async (manager) => {
      const membership = await this.getOrThrow(manager, membershipId, true);
      if (membership.status === MembershipStatus.REVOKED)
        throw conflict(ErrorCode.MEMBERSHIP_NOT_ACTIVE, 'The membership is already revoked');
      const before = { status: membership.status, termEnd: membership.termEnd?.toISOString() ?? null };
      await this.termWriter.revoke(manager, membership, input.reason, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'membership.revoke',
        entity: 'membership',
        entityId: membershipId,
        before,
        after: { status: MembershipStatus.REVOKED, reason: input.reason },
      });
      return this.getForStaffIn(manager, membershipId);
    });
  }

  private async getForStaffIn(manager: EntityManager, membershipId: number): Promise<AdminMemberView> {
    const membership = await this.getOrThrow(manager, membershipId);
    const terms = await manager.find(MembershipTerm, {
      where: { membershipId },
      relations: { tier: true },
      order: { start: 'ASC' },
    });
    return this.toAdminView(membership, terms, this.clock.now(), await this.orderNumbers(terms));
  }

  private async getOrThrow(manager: EntityManager, id: number, lock = false): Promise<Membership> {
    const membership = await manager.findOne(Membership, {
      where: { id },
      relations: lock ? {} : { customer: true, tier: true },
      ...(lock ? { lock: this.transactions.lockMode } : {}),
    });
    if (!membership) throw notFound(ErrorCode.MEMBERSHIP_NOT_FOUND, `Membership ${id} not found`);
    return membership;
  }

  /** order id → order number, for the terms staff see (staff read order numbers, not ids). */
  private async orderNumbers(terms: MembershipTerm[]): Promise<Map<number, string>> {
    const ids = [...new Set(terms.map((term) => term.orderId).filter((id): id is number => id !== null))];
    if (!ids.length) return new Map();
    const orders = await this.terms.manager.find(Order, {
      select: { id: true, outTradeNo: true },
      where: { id: In(ids) },
    });
    return new Map(orders.map((order) => [order.id, order.outTradeNo]));
  }

  private toAdminView(
    membership: Membership,
    terms: MembershipTerm[],
    now: Date,
    orderNumbers: Map<number, string>,
  ): AdminMemberView {
    return {
      membershipId: membership.id,
      customerId: membership.customerId,
      nickname: membership.customer?.nickname ?? '',
      phone: membership.customer?.phone ?? null,
      status: effectiveStatus(membership, now),
      tier: { id: membership.tierId, code: membership.tier?.code ?? '', name: membership.tier?.name ?? '' },
      termEnd: membership.termEnd?.toISOString() ?? null,
      daysLeft: membershipDaysLeft(membership, now, this.config.shopTimeZone),
      revokedReason: membership.revokedReason,
      terms: terms
        .filter((term) => term.end > term.start)
        .map((term) => ({
          ...toTermView(term),
          outTradeNo: term.orderId ? (orderNumbers.get(term.orderId) ?? null) : null,
        })),
    };
  }
}
