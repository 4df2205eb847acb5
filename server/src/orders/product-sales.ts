import { EntityManager } from 'typeorm';
import { OrderKind, SOLD_STATUSES } from '@member-commerce/shared';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { OrderLine } from './order-line.entity';

export interface ProductSalesRow {
  productId: number;
  title: string;
  unitsSold: number;
  salesFen: number;
}

/**
 * Product sales, the one definition the dashboard and the products page share: units and goods amount of the lines of
 * product orders that are sold (paid, not wholly refunded), whoever bought them, optionally since an instant.
 */
export async function productSales(
  manager: EntityManager,
  filter: { productIds?: number[]; paidSince?: Date; top?: number },
): Promise<ProductSalesRow[]> {
  const qb = manager
    .createQueryBuilder(OrderLine, 'l')
    .innerJoin('l.order', 'o')
    .innerJoin(Sku, 's', 's.id = l.skuId')
    .innerJoin(Product, 'p', 'p.id = s.productId')
    .select('p.id', 'productId')
    .addSelect('p.title', 'title')
    .addSelect('COALESCE(SUM(l.quantity), 0)', 'units')
    .addSelect('COALESCE(SUM(l.lineTotalFen), 0)', 'sales')
    .where('o.kind = :kind', { kind: OrderKind.PRODUCT })
    .andWhere('o.status IN (:...statuses)', { statuses: SOLD_STATUSES })
    .groupBy('p.id')
    .addGroupBy('p.title');
  if (filter.productIds) qb.andWhere('p.id IN (:...productIds)', { productIds: filter.productIds });
  if (filter.paidSince) qb.andWhere('o.paidAt >= :since', { since: filter.paidSince });
  if (filter.top) qb.orderBy('sales', 'DESC').limit(filter.top);
  const rows = await qb.getRawMany<{
    productId: number | string;
    title: string;
    units: number | string;
    sales: number | string;
  }>();
  return rows.map((row) => ({
    productId: Number(row.productId),
    title: row.title,
    unitsSold: Number(row.units),
    salesFen: Number(row.sales),
  }));
}

/** The goods amount of product orders sold (same definition) and paid in [from, to). */
export async function productSalesTotal(manager: EntityManager, from: Date, to: Date): Promise<number> {
  const row = await manager
    .createQueryBuilder(OrderLine, 'l')
    .innerJoin('l.order', 'o')
    .select('COALESCE(SUM(l.lineTotalFen), 0)', 'sales')
    .where('o.kind = :kind', { kind: OrderKind.PRODUCT })
    .andWhere('o.status IN (:...statuses)', { statuses: SOLD_STATUSES })
    .andWhere('o.paidAt >= :from AND o.paidAt < :to', { from, to })
    .getRawOne<{ sales: number | string }>();
  return Number(row?.sales ?? 0);
}
