import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Fen, SOLD_STATUSES } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { countsTowardMilestones } from '../membership/term-kinds';
import { isNotEmpty } from '../membership/term-rules';
import { Order } from '../orders/order.entity';
import { productSpend } from '../orders/product-spend';

/** The member's consecutive terms around one term: renewals, tier changes and grants continue a run; a lapse ends it. */
export interface TermRun {
  /** The first term of the run: milestone rewards are keyed by it, so each is granted once per run. */
  firstTermId: number;
  start: Date;
  end: Date;
  termIds: number[];
}

/** Counted spend and member savings, straight from paid orders. */
@Injectable()
export class SpendService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async runOf(termId: number, manager: EntityManager = this.dataSource.manager): Promise<TermRun | undefined> {
    const term = await manager.findOneBy(MembershipTerm, { id: termId });
    if (!term || !countsTowardMilestones(term)) return undefined;
    const terms = (
      await manager.find(MembershipTerm, {
        where: { membershipId: term.membershipId },
        order: { start: 'ASC', id: 'ASC' },
      })
    )
      .filter(isNotEmpty)
      .filter(countsTowardMilestones);
    return consecutiveRun(terms, term);
  }

  /** Paid PRODUCT orders during the run of consecutive terms around `termId`, minus their refunds. */
  async countedSpend(termId: number, manager: EntityManager = this.dataSource.manager): Promise<Fen> {
    const run = await this.runOf(termId, manager);
    if (!run) return 0;
    const term = await manager.findOneOrFail(MembershipTerm, {
      where: { id: termId },
      relations: { membership: true },
    });
    const row = await manager
      .createQueryBuilder(Order, 'o')
      .select(productSpend.sum('o'), 'spend')
      .where('o.customerId = :customerId', { customerId: term.membership.customerId })
      .andWhere(productSpend.counts('o'), productSpend.parameters)
      .andWhere('o.paidAt >= :start AND o.paidAt < :end', { start: run.start, end: run.end })
      .getRawOne<{ spend: string | number }>();
    return Number(row?.spend ?? 0);
  }

  /** What member prices saved the customer (each order's stored savings) on sold orders; optionally within one term. */
  async savings(customerId: number, termId?: number, manager: EntityManager = this.dataSource.manager): Promise<Fen> {
    const qb = manager
      .createQueryBuilder(Order, 'o')
      .select('COALESCE(SUM(o.memberSavingsFen), 0)', 'savings')
      .where('o.customerId = :customerId', { customerId })
      .andWhere('o.status IN (:...statuses)', { statuses: SOLD_STATUSES });
    if (termId !== undefined) qb.andWhere('o.termId = :termId', { termId });
    const row = await qb.getRawOne<{ savings: string | number }>();
    return Number(row?.savings ?? 0);
  }
}

/** Terms (sorted by start, none empty) chained to `term` with no gap between one's end and the next's start. */
function consecutiveRun(terms: readonly MembershipTerm[], term: MembershipTerm): TermRun {
  const index = terms.findIndex((candidate) => candidate.id === term.id);
  if (index < 0) return { firstTermId: term.id, start: term.start, end: term.end, termIds: [term.id] };
  let first = index;
  let runStart = term.start.getTime();
  for (let i = index - 1; i >= 0; i--) {
    if (terms[i].end.getTime() < runStart) break;
    first = i;
    runStart = Math.min(runStart, terms[i].start.getTime());
  }
  let runEnd = term.end.getTime();
  const ids = terms.slice(first, index + 1).map((t) => t.id);
  for (let i = index + 1; i < terms.length; i++) {
    if (terms[i].start.getTime() > runEnd) break;
    runEnd = Math.max(runEnd, terms[i].end.getTime());
    ids.push(terms[i].id);
  }
  return { firstTermId: terms[first]?.id ?? term.id, start: new Date(runStart), end: new Date(runEnd), termIds: ids };
}
