import { EntityManager, In } from 'typeorm';
import { Fen, OrderKind, OrderStatus } from '@member-commerce/shared';
import { MEMBER_SAVINGS_SQL, PAID_STATUSES } from '../orders/order-state';
import { Order } from '../orders/order.entity';

export interface MemberSpend {
  spendFen: Fen;
  savingsFen: Fen;
}

/**
 * Lifetime spend and savings of many customers in one grouped read, with SpendService's meaning: spend is paid
 * PRODUCT orders minus refunds; savings are list minus charged on member-priced orders not fully refunded.
 */
export async function memberSpend(manager: EntityManager, customerIds: number[]): Promise<Map<number, MemberSpend>> {
  const result = new Map<number, MemberSpend>();
  if (!customerIds.length) return result;
  const rows = await manager
    .createQueryBuilder(Order, 'o')
    .select('o.customerId', 'customerId')
    .addSelect('COALESCE(SUM(o.totalFen - o.refundedFen), 0)', 'spend')
    .addSelect(
      `COALESCE(SUM(CASE WHEN o.pricedAsTierId IS NOT NULL AND o.status <> :refunded THEN ${MEMBER_SAVINGS_SQL} ELSE 0 END), 0)`,
      'savings',
    )
    .where({ customerId: In(customerIds), kind: OrderKind.PRODUCT, status: In(PAID_STATUSES) })
    .setParameter('refunded', OrderStatus.REFUNDED)
    .groupBy('o.customerId')
    .getRawMany<{ customerId: number | string; spend: number | string; savings: number | string }>();
  for (const row of rows)
    result.set(Number(row.customerId), { spendFen: Number(row.spend), savingsFen: Number(row.savings) });
  return result;
}
