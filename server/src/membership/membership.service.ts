import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { AdminMemberView, daysLeft, ErrorCode, MembershipStatus, MyMembershipView, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { pageWindow } from '../common/dto/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { ExtendMembershipDto, MemberSearchQueryDto, RevokeMembershipDto } from './dto/member-action.dto';
import { effectiveStatus } from './membership-status';
import { MembershipTerm } from './membership-term.entity';
import { MembershipTermsService } from './membership-terms.service';
import { Membership } from './membership.entity';
import { toTermView } from './term-views';

/** The term that prices a customer's purchases right now, if their membership is active. */
export interface ActiveTerm {
  term: MembershipTerm;
  tierId: number;
  defaultDiscountBp: number;
}

type MembershipBase = Omit<MyMembershipView, 'spendFen' | 'savingsFen' | 'nextMilestone'>;

/** Reading memberships (customer's own view, staff search) and the staff actions on them. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(MembershipTerm) private readonly terms: Repository<MembershipTerm>,
    private readonly termWriter: MembershipTermsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The active term at `at` (default now); undefined for non-members, expired or revoked members. */
  async activeTerm(customerId: number, at: Date = this.clock.now(), manager: EntityManager = this.memberships.manager): Promise<ActiveTerm | undefined> {
    // One query on the hot path of every priced request: a term covering `at` of a membership not revoked.
    // (A query builder, not findOne: findOne with a relation in `where` runs a second, DISTINCT query that
    // cost more than the rest of a catalogue request on SQLite; see docs/benchmarks.md.)
    const term = await manager
      .createQueryBuilder(MembershipTerm, 't')
      .innerJoin('t.membership', 'm')
      .where('m.customerId = :customerId AND m.status != :revoked AND t.start <= :at AND t.end > :at', { customerId, revoked: MembershipStatus.REVOKED, at })
      .orderBy('t.start', 'DESC')
      .limit(1)
      .getOne();
    return term ? { term, tierId: term.tierId, defaultDiscountBp: term.snapshot.defaultDiscountBp } : undefined;
  }

  /** The customer's membership without spend figures (MemberOverviewService adds those). */
  async overview(customerId: number): Promise<MembershipBase & { currentTermId?: number }> {
    const now = this.clock.now();
    const membership = await this.memberships.findOne({ where: { customerId }, relations: { tier: true } });
    const status = effectiveStatus(membership, now);
    if (!membership) return { status, terms: [] };
    const terms = await this.terms.find({ where: { membershipId: membership.id }, relations: { tier: true }, order: { start: 'ASC' } });
    const current = terms.find((term) => term.start <= now && now < term.end);
    const tier = current?.tier ?? membership.tier;
    return {
      status,
      tier: { id: tier.id, code: tier.code, name: current?.snapshot.tierName ?? tier.name },
      termStart: (current ?? terms[terms.length - 1])?.start.toISOString(),
      termEnd: membership.termEnd?.toISOString(),
      daysLeft: membership.termEnd && status === MembershipStatus.ACTIVE ? daysLeft(membership.termEnd, now) : 0,
      terms: terms.filter((term) => term.end > term.start).map(toTermView),
      currentTermId: status === MembershipStatus.ACTIVE ? current?.id : undefined,
    };
  }

  async search(query: MemberSearchQueryDto): Promise<Page<AdminMemberView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const now = this.clock.now();
    const qb = this.memberships
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.customer', 'c')
      .innerJoinAndSelect('m.tier', 't')
      .orderBy('m.id', 'DESC')
      .skip(skip)
      .take(pageSize);
    if (query.q) {
      qb.andWhere(new Brackets((w) => w.where('c.nickname LIKE :q', { q: `%${query.q}%` }).orWhere('c.phone LIKE :q')));
    }
    if (query.status === MembershipStatus.REVOKED) qb.andWhere('m.status = :revoked', { revoked: MembershipStatus.REVOKED });
    if (query.status === MembershipStatus.ACTIVE) qb.andWhere('m.status <> :revoked AND m.termEnd > :now', { revoked: MembershipStatus.REVOKED, now });
    if (query.status === MembershipStatus.EXPIRED) qb.andWhere('m.status <> :revoked AND (m.termEnd IS NULL OR m.termEnd <= :now)', { revoked: MembershipStatus.REVOKED, now });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((row) => this.toAdminView(row, [], now)), total, page, pageSize };
  }

  async getForStaff(membershipId: number): Promise<AdminMemberView> {
    const membership = await this.getOrThrow(this.memberships.manager, membershipId);
    const terms = await this.terms.find({ where: { membershipId }, relations: { tier: true }, order: { start: 'ASC' } });
    return this.toAdminView(membership, terms, this.clock.now());
  }

  extend(actor: StaffPrincipal, membershipId: number, input: ExtendMembershipDto): Promise<AdminMemberView> {
    if (actor.role === 'support' && input.days > this.config.supportMaxExtensionDays) {
      throw forbidden(ErrorCode.EXTENSION_LIMIT_EXCEEDED, `Support may extend by at most ${this.config.supportMaxExtensionDays} days`);
    }
    return this.transactions.run(async (manager) => {
      const membership = await this.getOrThrow(manager, membershipId, true);
      if (membership.status === MembershipStatus.REVOKED) throw conflict(ErrorCode.MEMBERSHIP_NOT_ACTIVE, 'A revoked membership cannot be extended');
      const before = { termEnd: membership.termEnd?.toISOString() ?? null };
      const term = await this.termWriter.extend(manager, membership, input.days, this.clock.now());
      await this.audit.record(manager, actor, {
        action: 'membership.extend',
        entity: 'membership',
        entityId: membershipId,
        before,
        after: { termEnd: membership.termEnd?.toISOString() ?? null, days: input.days, reason: input.reason, termId: term.id },
      });
      return this.getForStaffIn(manager, membershipId);
    });
  }

  revoke(actor: StaffPrincipal, membershipId: number, input: RevokeMembershipDto): Promise<AdminMemberView> {
    return this.transactions.run(async (manager) => {
      const membership = await this.getOrThrow(manager, membershipId, true);
      if (membership.status === MembershipStatus.REVOKED) throw conflict(ErrorCode.MEMBERSHIP_NOT_ACTIVE, 'The membership is already revoked');
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
    const terms = await manager.find(MembershipTerm, { where: { membershipId }, relations: { tier: true }, order: { start: 'ASC' } });
    return this.toAdminView(membership, terms, this.clock.now());
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

  private toAdminView(membership: Membership, terms: MembershipTerm[], now: Date): AdminMemberView {
    return {
      membershipId: membership.id,
      customerId: membership.customerId,
      nickname: membership.customer?.nickname ?? '',
      phone: membership.customer?.phone ?? null,
      status: effectiveStatus(membership, now),
      tier: { id: membership.tierId, code: membership.tier?.code ?? '', name: membership.tier?.name ?? '' },
      termEnd: membership.termEnd?.toISOString() ?? null,
      revokedReason: membership.revokedReason,
      terms: terms.filter((term) => term.end > term.start).map(toTermView),
    };
  }
}
