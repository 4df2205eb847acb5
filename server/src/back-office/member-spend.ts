import { EntityManager, In } from 'typeorm';
import { Fen, SOLD_STATUSES } from '@member-commerce/shared';
import { Order } from '../orders/order.entity';
import { productSpend } from '../orders/product-spend';

export interface MemberSpend {
  spendFen: Fen;
  savingsFen: Fen;
}

/**
 * Lifetime spend and savings of many customers in one grouped read: spend is `productSpend`; savings are the orders' stored member savings, not fully refunded ones.
 */
export async function memberSpend(manager: EntityManager, customerIds: number[]): Promise<Map<number, MemberSpend>> {
  const result = new Map<number, MemberSpend>();
  if (!customerIds.length) return result;
  const rows = await manager
    .createQueryBuilder(Order, 'o')
    .select('o.customerId', 'customerId')
    .addSelect(productSpend.sum('o'), 'spend')
    .addSelect('COALESCE(SUM(CASE WHEN o.status IN (:...sold) THEN o.memberSavingsFen ELSE 0 END), 0)', 'savings')
    .where({ customerId: In(customerIds) })
    .andWhere(productSpend.counts('o'), productSpend.parameters)
    .setParameter('sold', SOLD_STATUSES)
    .groupBy('o.customerId')
    .getRawMany<{ customerId: number | string; spend: number | string; savings: number | string }>();
  for (const row of rows)
    result.set(Number(row.customerId), { spendFen: Number(row.spend), savingsFen: Number(row.savings) });
  return result;
}
