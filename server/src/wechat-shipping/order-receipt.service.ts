import { Inject, Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { ErrorCode, OrderKind, OrderStatus, OrderView, WechatReceiptParams } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { OrderStateMachine } from '../orders/order-state';
import { toOrderView } from '../orders/order-views';
import { Order } from '../orders/order.entity';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';

/**
 * The end of a shipped order: the customer confirms receipt (in the mini-program through WeChat's confirm
 * component, in H5 with a button), or the order completes by itself `orderAutoCompleteDays` after shipping.
 * SHIPPED → COMPLETED goes through the order state machine either way.
 */
@Injectable()
export class OrderReceiptService {
  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
  ) {}

  /** Confirming twice is harmless: a completed order is answered as it is. */
  confirm(customerId: number, orderId: number): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, {
        where: { id: orderId, customerId },
        lock: this.transactions.lockMode,
      });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
      if (order.status === OrderStatus.SHIPPED)
        await this.machine.transition(
          manager,
          order,
          OrderStatus.COMPLETED,
          this.clock.now(),
          'receipt confirmed by the customer',
        );
      else if (order.status !== OrderStatus.COMPLETED)
        throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'Only a shipped order can be confirmed as received');
      return toOrderView(await manager.findOneOrFail(Order, { where: { id: orderId }, relations: { lines: true } }));
    });
  }

  /** What `wx.openBusinessView({ businessType: 'weappOrderConfirm', extraData })` needs: the payment that paid for the parcel. */
  paymentOf(customerId: number, orderId: number): Promise<WechatReceiptParams> {
    return this.transactions.run(async (manager) => {
      const order = await manager.findOneBy(Order, { id: orderId, customerId });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
      if (order.status !== OrderStatus.SHIPPED)
        throw conflict(ErrorCode.INVALID_ORDER_TRANSITION, 'Only a shipped order can be confirmed as received');
      const paid =
        order.kind === OrderKind.GIFT && order.parentOrderId
          ? await manager.findOneByOrFail(Order, { id: order.parentOrderId })
          : order;
      return { merchantId: this.wechat.identity().mchId, merchantTradeNo: paid.outTradeNo };
    });
  }

  /** One pass: shipped orders older than the configured days complete. Returns how many did. */
  async autoComplete(now: Date = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.orderAutoCompleteDays * 86_400_000);
    const due = await this.transactions.run((manager) =>
      manager.find(Order, {
        where: { status: OrderStatus.SHIPPED, shippedAt: LessThanOrEqual(cutoff) },
        order: { id: 'ASC' },
        take: 200,
      }),
    );
    let completed = 0;
    for (const { id } of due) {
      completed += await this.transactions.run(async (manager) => {
        const order = await manager.findOne(Order, { where: { id }, lock: this.transactions.lockMode });
        if (order?.status !== OrderStatus.SHIPPED) return 0; // confirmed or refunded meanwhile
        await this.machine.transition(
          manager,
          order,
          OrderStatus.COMPLETED,
          now,
          `completed automatically ${this.config.orderAutoCompleteDays} days after shipping`,
        );
        return 1;
      });
    }
    return completed;
  }
}
