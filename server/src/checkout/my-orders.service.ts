import { Injectable } from '@nestjs/common';
import { MyOrderCounts, OrderView } from '@member-commerce/shared';
import { AfterSalesService } from '../after-sales/after-sales.service';
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
  ) {}

  /** Another customer's order is a 404, never a 403: its existence is not disclosed. */
  get(customerId: number, id: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.getOwnOrThrow(manager, customerId, id);
      const refunds = await manager.find(Refund, { where: { orderId: id }, order: { id: 'ASC' } });
      return {
        ...toOrderView(order),
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
}
