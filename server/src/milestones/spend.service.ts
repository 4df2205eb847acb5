import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Fen, OrderKind, OrderStatus } from '@member-commerce/shared';
import { MembershipTerm } from '../membership/membership-term.entity';
import { Order } from '../orders/order.entity';

/** Statuses of an order whose money was received (refunds are subtracted separately). */
export const PAID_STATUSES: OrderStatus[] = ['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'];

/** Counted spend and member savings, straight from paid orders (DESIGN.md "Spend milestones"). */
@Injectable()
export class SpendService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Paid PRODUCT orders during the term, minus their refunds. Membership fees and gifts don't count. */
  async countedSpend(termId: number, manager: EntityManager = this.dataSource.manager): Promise<Fen> {
    const term = await manager.findOne(MembershipTerm, { where: { id: termId }, relations: { membership: true } });
    if (!term) return 0;
    const row = await manager
      .createQueryBuilder(Order, 'o')
      .select('COALESCE(SUM(o.totalFen - o.refundedFen), 0)', 'spend')
      .where('o.customerId = :customerId', { customerId: term.membership.customerId })
      .andWhere('o.kind = :kind', { kind: OrderKind.PRODUCT })
      .andWhere('o.status IN (:...statuses)', { statuses: PAID_STATUSES })
      .andWhere('o.paidAt >= :start AND o.paidAt < :end', { start: term.start, end: term.end })
      .getRawOne<{ spend: string | number }>();
    return Number(row?.spend ?? 0);
  }

  /** What member prices saved the customer on paid, not refunded, product orders; optionally within one term. */
  async savings(customerId: number, termId?: number, manager: EntityManager = this.dataSource.manager): Promise<Fen> {
    const qb = manager
      .createQueryBuilder(Order, 'o')
      .select('COALESCE(SUM(o.listTotalFen - o.totalFen), 0)', 'savings')
      .where('o.customerId = :customerId', { customerId })
      .andWhere('o.kind = :kind', { kind: OrderKind.PRODUCT })
      .andWhere('o.pricedAsTierId IS NOT NULL')
      .andWhere('o.status IN (:...statuses)', { statuses: PAID_STATUSES.filter((status) => status !== OrderStatus.REFUNDED) });
    if (termId !== undefined) qb.andWhere('o.termId = :termId', { termId });
    const row = await qb.getRawOne<{ savings: string | number }>();
    return Number(row?.savings ?? 0);
  }
}
