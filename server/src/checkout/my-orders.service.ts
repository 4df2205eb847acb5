import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ErrorCode, MyOrderCounts, OrderKind, OrderView, Page, ReorderResult } from '@member-commerce/shared';
import { conflict } from '../common/domain-error';
import { Sku } from '../catalog/sku.entity';
import { AfterSalesEligibility } from '../after-sales/after-sales-eligibility';
import { AfterSalesService } from '../after-sales/after-sales.service';
import { OrderListQueryDto } from '../orders/dto/create-order.dto';
import { Transactions } from '../database/transactions';
import { OrdersService } from '../orders/orders.service';
import { toOrderView } from '../orders/order-views';
import { Refund } from '../payments/refund.entity';

/** The customer's own orders as the storefront shows them: with their refunds, and the counts on 我的. */
@Injectable()
export class MyOrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly afterSales: AfterSalesService,
    private readonly eligibility: AfterSalesEligibility,
  ) {}

  /** A page of the customer's orders, each saying whether 申请售后 can be asked for now. */
  async list(customerId: number, query: OrderListQueryDto): Promise<Page<OrderView>> {
    const page = await this.orders.listOwn(customerId, query);
    const eligibility = await this.transactions.run((manager) => this.eligibility.of(manager, page.items));
    return { ...page, items: page.items.map((order) => ({ ...order, afterSales: eligibility.get(order.id) })) };
  }

  /** Another customer's order is a 404, never a 403: its existence is not disclosed. */
  get(customerId: number, id: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.getOwnOrThrow(manager, customerId, id);
      const refunds = await manager.find(Refund, { where: { orderId: id }, order: { id: 'ASC' } });
      return {
        ...toOrderView(order),
        afterSales: (await this.eligibility.of(manager, [order])).get(order.id),
        refunds: refunds.map((refund) => ({
          id: refund.id,
          amountFen: refund.amountFen,
          status: refund.status,
          createdAt: refund.createdAt.toISOString(),
          succeededAt: refund.succeededAt?.toISOString() ?? null,
        })),
      };
    });
  }

  counts(customerId: number): Promise<MyOrderCounts> {
    return this.transactions.run(async (manager) => {
      const groups = await this.orders.countOwnByGroup(manager, customerId);
      return {
        toPay: groups.TO_PAY,
        toShip: groups.TO_SHIP,
        toReceive: groups.TO_RECEIVE,
        afterSales: await this.afterSales.countOpen(customerId, manager),
      };
    });
  }

  /** 再来一单: the same SKUs again, each checked against what the shop sells now (checkout prices them afresh). */
  reorder(customerId: number, id: number): Promise<ReorderResult> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.getOwnOrThrow(manager, customerId, id);
      if (order.kind !== OrderKind.PRODUCT)
        throw conflict(ErrorCode.REORDER_NOT_ALLOWED, 'Only a product order can be ordered again');
      const lines = order.lines.filter((line) => line.skuId !== null);
      const skus = await manager.find(Sku, {
        where: { id: In(lines.map((line) => line.skuId!)) },
        relations: { product: true },
      });
      const result: ReorderResult = { items: [], unavailable: [] };
      for (const line of lines) {
        const sku = skus.find((candidate) => candidate.id === line.skuId);
        if (!sku || !sku.product.onSale) result.unavailable.push({ name: line.name, reason: '已下架' });
        else if (sku.stock <= 0) result.unavailable.push({ name: line.name, reason: '已售罄' });
        else {
          const quantity = Math.min(line.quantity, sku.stock);
          result.items.push({ productId: sku.productId, skuId: sku.id, quantity });
          if (quantity < line.quantity)
            result.unavailable.push({ name: line.name, reason: `库存仅剩 ${sku.stock} 件` });
        }
      }
      return result;
    });
  }
}
