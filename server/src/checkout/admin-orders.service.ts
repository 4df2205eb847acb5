import { Injectable } from '@nestjs/common';
import { AdminOrderView, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Transactions } from '../database/transactions';
import { AdminOrderQueryDto, ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { OrdersService, StaffOrder } from '../orders/orders.service';
import { OrderPaymentsService } from '../payments/order-payments.service';

/** Orders as staff see them: the order with its customer, plus its WeChat payment and every refund. */
@Injectable()
export class AdminOrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly payments: OrderPaymentsService,
  ) {}

  async search(query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    const page = await this.orders.searchForStaff(query);
    return { ...page, items: await this.withMoney(page.items) };
  }

  async get(id: number): Promise<AdminOrderView> {
    return (await this.withMoney([await this.orders.getForStaff(id)]))[0];
  }

  async ship(actor: StaffPrincipal, id: number, shipment: ShipOrderDto): Promise<AdminOrderView> {
    return (await this.withMoney([await this.orders.ship(actor, id, shipment)]))[0];
  }

  private withMoney(orders: StaffOrder[]): Promise<AdminOrderView[]> {
    return this.transactions.run((manager) =>
      Promise.all(orders.map(async (order) => ({ ...order, ...(await this.payments.moneyOf(manager, order.id)) }))),
    );
  }
}
