import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AdminOrderView, Page } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Transactions } from '../database/transactions';
import { AdminOrderQueryDto, ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { nextOrderActions } from '../orders/order-actions';
import { orderMoneyBreakdown } from '../orders/order-money-breakdown';
import { OrdersService, StaffOrder } from '../orders/orders.service';
import { OrderPaymentsService } from '../payments/order-payments.service';
import { WechatShippingService } from '../wechat-shipping/wechat-shipping.service';

/**
 * Orders as staff see them: the order with its customer, its WeChat payment, every refund and the money breakdown;
 * one order also with its next allowed actions.
 */
@Injectable()
export class AdminOrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly payments: OrderPaymentsService,
    private readonly wechatShipping: WechatShippingService,
  ) {}

  async search(query: AdminOrderQueryDto): Promise<Page<AdminOrderView>> {
    const failedUploads = (manager: EntityManager) => this.wechatShipping.failedUploadOrderIds(manager);
    const page = await this.orders.searchForStaff(query, query.wechatShipping === 'FAILED' ? failedUploads : undefined);
    return {
      ...page,
      items: await this.transactions.run((manager) =>
        Promise.all(page.items.map((order) => this.withMoney(manager, order))),
      ),
    };
  }

  async get(id: number): Promise<AdminOrderView> {
    return this.detail(await this.orders.getForStaff(id));
  }

  async ship(actor: StaffPrincipal, id: number, shipment: ShipOrderDto): Promise<AdminOrderView> {
    return this.detail(await this.orders.ship(actor, id, shipment));
  }

  private detail(order: StaffOrder): Promise<AdminOrderView> {
    return this.transactions.run(async (manager) => {
      const view = await this.withMoney(manager, order);
      const refund = await this.payments.refundFacts(manager, order.id);
      const hasAddress = Boolean(order.address);
      return { ...view, nextActions: nextOrderActions({ kind: order.kind, status: order.status, hasAddress, refund }) };
    });
  }

  private async withMoney(manager: EntityManager, order: StaffOrder): Promise<AdminOrderView> {
    const money = await this.payments.moneyOf(manager, order.id);
    const fields = { ...order, pricedAsTierId: order.pricedAsTierId ?? null, memberSavingsFen: order.savingsFen };
    return { ...order, ...money, money: orderMoneyBreakdown(fields, money.refunds, money.refundRequests) };
  }
}
