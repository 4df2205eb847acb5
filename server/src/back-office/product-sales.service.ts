import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProductSalesView } from '@member-commerce/shared';
import { productSales } from '../orders/product-sales';

/** Units and amount sold per product on paid product orders; fully refunded orders don't count. */
@Injectable()
export class ProductSalesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forProducts(productIds: number[]): Promise<ProductSalesView[]> {
    const found = new Map(
      (await productSales(this.dataSource.manager, { productIds })).map((row) => [row.productId, row]),
    );
    return productIds.map((productId) => ({
      productId,
      unitsSold: found.get(productId)?.unitsSold ?? 0,
      salesFen: found.get(productId)?.salesFen ?? 0,
    }));
  }
}
