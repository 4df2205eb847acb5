import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { OrderHookRegistry } from '../orders/order-hooks';
import { Order } from '../orders/order.entity';
import { WechatShipping } from './wechat-shipping.entity';

/**
 * Queues the upload of shipping information when WeChat needs it; the upload itself runs after the commit (the
 * job), so a slow WeChat never holds a payment's locks. A paid membership fee is virtual delivery; shipped goods
 * are express, described on the payment that paid for them: the product order's own, or for a welcome gift the
 * membership order's (its one modification turns the virtual entry into the parcel).
 */
@Injectable()
export class WechatShippingHooks implements OnModuleInit {
  constructor(private readonly hooks: OrderHookRegistry) {}

  onModuleInit(): void {
    this.hooks.register({
      name: 'wechat-shipping: a paid membership fee is uploaded as virtual delivery',
      on: { kind: OrderKind.MEMBERSHIP, to: OrderStatus.PAID, from: [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED] },
      after: async ({ manager, order, now }) => {
        await manager.insert(WechatShipping, {
          orderId: order.id,
          logisticsType: 3,
          status: 'PENDING',
          nextAttemptAt: now,
        });
      },
    });
    this.hooks.register({
      name: 'wechat-shipping: shipped goods are uploaded as express',
      on: { kind: [OrderKind.PRODUCT, OrderKind.GIFT], from: OrderStatus.PAID, to: OrderStatus.SHIPPED },
      after: ({ manager, order, now }) => queueExpress(manager, order, now),
    });
  }
}

async function queueExpress(manager: EntityManager, order: Order, now: Date): Promise<void> {
  const paidOrderId = order.kind === OrderKind.PRODUCT ? order.id : await paidParentOf(manager, order);
  if (!paidOrderId) return; // a milestone reward: no payment of the customer's is waiting for it
  const existing = await manager.findOneBy(WechatShipping, { orderId: paidOrderId });
  const express = {
    shippedOrderId: order.id,
    logisticsType: 1 as const,
    status: 'PENDING' as const,
    nextAttemptAt: now,
  };
  if (!existing) await manager.insert(WechatShipping, { orderId: paidOrderId, ...express });
  else await manager.update(WechatShipping, { id: existing.id }, { ...express, revision: existing.revision + 1 });
}

/** A welcome gift's parcel belongs to the membership payment that bought it. */
async function paidParentOf(manager: EntityManager, gift: Order): Promise<number | null> {
  if (!gift.parentOrderId) return null;
  const parent = await manager.findOneBy(Order, { id: gift.parentOrderId });
  return parent && parent.kind === OrderKind.MEMBERSHIP && parent.paidAt ? parent.id : null;
}
