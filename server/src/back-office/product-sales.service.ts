import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrderKind, OrderStatus, ProductSalesView } from '@member-commerce/shared';
import { Sku } from '../catalog/sku.entity';
import { PAID_STATUSES } from '../orders/order-state';
import { OrderLine } from '../orders/order-line.entity';

/** Units and amount sold per product on paid product orders; fully refunded orders don't count. */
@Injectable()
export class ProductSalesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forProducts(productIds: number[]): Promise<ProductSalesView[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(OrderLine, 'l')
      .innerJoin('l.order', 'o')
      .innerJoin(Sku, 's', 's.id = l.skuId')
      .select('s.productId', 'productId')
      .addSelect('COALESCE(SUM(l.quantity), 0)', 'units')
      .addSelect('COALESCE(SUM(l.lineTotalFen), 0)', 'sales')
      .where('s.productId IN (:...productIds)', { productIds })
      .andWhere('o.kind = :kind', { kind: OrderKind.PRODUCT })
      .andWhere('o.status IN (:...statuses)', { statuses: PAID_STATUSES.filter((status) => status !== OrderStatus.REFUNDED) })
      .groupBy('s.productId')
      .getRawMany<{ productId: number | string; units: number | string; sales: number | string }>();
    const found = new Map(rows.map((row) => [Number(row.productId), row]));
    return productIds.map((productId) => ({
      productId,
      unitsSold: Number(found.get(productId)?.units ?? 0),
      salesFen: Number(found.get(productId)?.sales ?? 0),
    }));
  }
}
