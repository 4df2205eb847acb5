import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, explainWechatShippingError, OrderStatus, WechatShippingView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { ShipOrderDto } from '../orders/dto/admin-order-query.dto';
import { Order } from '../orders/order.entity';
import { AuditService } from '../staff/audit.service';
import { WechatShipping } from './wechat-shipping.entity';
import { MAX_ACCEPTED_UPLOADS } from './wechat-shipping-rules';
import { WechatShippingUploader } from './wechat-shipping-uploader';

const toView = (row: WechatShipping): WechatShippingView => ({
  orderId: row.orderId,
  status: row.status,
  logisticsType: row.logisticsType,
  expressCompany: row.expressCompany,
  trackingNo: row.trackingNo,
  attempts: row.attempts,
  errcode: row.errcode,
  errmsg: row.errmsg,
  explanation: explainWechatShippingError(row.errcode),
  modificationUsed: row.acceptedUploads >= MAX_ACCEPTED_UPLOADS,
  uploadedAt: row.uploadedAt?.toISOString() ?? null,
  nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
});

/** What staff see and do about an order's shipping information at WeChat. */
@Injectable()
export class WechatShippingService {
  constructor(
    private readonly transactions: Transactions,
    private readonly uploader: WechatShippingUploader,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** The ids of orders whose upload failed, as a subquery an order listing filters by (staff's "上传失败" queue). */
  failedUploadOrderIds(manager: EntityManager): SelectQueryBuilder<WechatShipping> {
    return manager
      .createQueryBuilder(WechatShipping, 'ws')
      .select('ws.orderId')
      .where('ws.status = :failedUpload', { failedUpload: 'FAILED' });
  }

  /** How many uploads failed and wait for staff (the dashboard's to-do). */
  countFailedUploads(): Promise<number> {
    return this.dataSource.getRepository(WechatShipping).countBy({ status: 'FAILED' });
  }

  /** The upload describing this order: its own payment's, or (a welcome gift) the membership payment's. */
  async view(orderId: number): Promise<WechatShippingView | null> {
    return this.transactions.run(async (manager) => {
      await this.orderOrThrow(manager, orderId);
      const row = await this.rowOf(manager, orderId);
      return row ? toView(row) : null;
    });
  }

  /** A failed upload is tried again now (WeChat answers before this returns). */
  async retry(actor: StaffPrincipal, orderId: number): Promise<WechatShippingView> {
    const row = await this.transactions.run(async (manager) => {
      await this.orderOrThrow(manager, orderId);
      const row = await this.rowOf(manager, orderId);
      if (!row)
        throw notFound(ErrorCode.WECHAT_SHIPPING_NOT_FOUND, 'This order has no shipping information for WeChat');
      if (row.status !== 'FAILED')
        throw conflict(ErrorCode.WECHAT_SHIPPING_NOT_RETRYABLE, `The upload is ${row.status}, not failed`);
      await manager.update(WechatShipping, { id: row.id }, { status: 'PENDING', nextAttemptAt: this.clock.now() });
      await this.audit.record(manager, actor, {
        action: 'order.wechat-shipping.retry',
        entity: 'order',
        entityId: orderId,
        before: { status: row.status, errcode: row.errcode },
        after: { status: 'PENDING' },
      });
      return row;
    });
    await this.uploader.upload(row.id);
    return (await this.view(orderId))!;
  }

  /**
   * Staff correct a shipped order's courier or tracking number. WeChat allows one modification per payment;
   * when it has been used the change is refused here, before WeChat is called.
   */
  async changeShipment(
    actor: StaffPrincipal,
    orderId: number,
    shipment: ShipOrderDto,
  ): Promise<WechatShippingView | null> {
    const row = await this.transactions.run(async (manager) => {
      const order = await manager.findOne(Order, { where: { id: orderId }, lock: this.transactions.lockMode });
      if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
      if (order.status !== OrderStatus.SHIPPED)
        throw conflict(
          ErrorCode.INVALID_ORDER_TRANSITION,
          'Only a shipped order that has not been received can change its tracking number',
        );
      const row = await this.rowOf(manager, orderId);
      if (row && row.acceptedUploads >= MAX_ACCEPTED_UPLOADS) {
        throw conflict(
          ErrorCode.WECHAT_SHIPPING_MODIFICATION_USED,
          '微信只允许修改一次发货信息，这笔支付的修改机会已用完',
        );
      }
      await manager.update(Order, { id: orderId }, { carrier: shipment.carrier, trackingNo: shipment.trackingNo });
      if (row)
        await manager.update(
          WechatShipping,
          { id: row.id },
          { status: 'PENDING', nextAttemptAt: this.clock.now(), revision: row.revision + 1 },
        );
      await this.audit.record(manager, actor, {
        action: 'order.shipment.change',
        entity: 'order',
        entityId: orderId,
        before: { carrier: order.carrier, trackingNo: order.trackingNo },
        after: { carrier: shipment.carrier, trackingNo: shipment.trackingNo },
      });
      return row;
    });
    if (row) await this.uploader.upload(row.id);
    return this.view(orderId);
  }

  private async orderOrThrow(manager: EntityManager, orderId: number): Promise<Order> {
    const order = await manager.findOneBy(Order, { id: orderId });
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
    return order;
  }

  private rowOf(manager: EntityManager, orderId: number): Promise<WechatShipping | null> {
    return manager.findOne(WechatShipping, { where: [{ orderId }, { shippedOrderId: orderId }], order: { id: 'ASC' } });
  }
}
