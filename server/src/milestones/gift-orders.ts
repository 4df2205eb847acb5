import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { GiftPack } from '../catalog/gift-pack.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderStateMachine } from '../orders/order-state';
import { AddressSnapshot, Order } from '../orders/order.entity';
import { newOutTradeNo } from '../orders/out-trade-no';
import { GiftClaim } from './gift-claim.entity';

export interface GiftGrant {
  customerId: number;
  termId: number;
  source: GiftClaim['source'];
  milestoneId?: number | null;
  /** Milestones: the first term of the run of consecutive terms, so a reward is granted once per run. */
  runFirstTermId?: number;
  parentOrderId?: number | null;
  /** Needs `items.sku.product` loaded. */
  pack: GiftPack;
  address: AddressSnapshot | null;
  now: Date;
}

export const claimKey = (source: GiftClaim['source'], termId: number, milestoneId?: number | null) =>
  source === 'WELCOME' ? `W:${termId}` : `M:${termId}:${milestoneId}`;

/**
 * Creates the zero-price GIFT order that fulfils a pack (through the state machine, born PAID) and the claim
 * row whose unique key makes the gift once per term (welcome) or once per run (milestone). The pack's stock
 * must already be reserved.
 */
@Injectable()
export class GiftOrders {
  constructor(private readonly machine: OrderStateMachine) {}

  async create(manager: EntityManager, grant: GiftGrant): Promise<Order> {
    const lines = grant.pack.items.map((item) =>
      manager.create(OrderLine, {
        skuId: item.skuId,
        giftPackId: grant.pack.id,
        name: `${item.sku.product.title} ${item.sku.name}`.slice(0, 200),
        image: item.sku.product.images[0] ?? null,
        quantity: item.quantity,
        unitListPriceFen: item.sku.listPriceFen,
        unitPriceFen: 0,
        lineTotalFen: 0,
      }),
    );
    const keyTerm = grant.source === 'MILESTONE' ? (grant.runFirstTermId ?? grant.termId) : grant.termId;
    const order = await this.machine.create(
      manager,
      {
        outTradeNo: newOutTradeNo(grant.now, 'GF'),
        customerId: grant.customerId,
        kind: OrderKind.GIFT,
        refundedFen: 0,
        pricedAsTierId: null,
        termId: grant.termId,
        tierId: null,
        giftPackId: grant.pack.id,
        parentOrderId: grant.parentOrderId ?? null,
        milestoneId: grant.milestoneId ?? null,
        address: grant.address,
        tierTerms: null,
        expiresAt: null,
        closedAt: null,
        lines,
      },
      OrderStatus.PAID,
      grant.now,
      `${grant.source.toLowerCase()} gift`,
    );
    await manager.insert(GiftClaim, {
      claimKey: claimKey(grant.source, keyTerm, grant.milestoneId),
      customerId: grant.customerId,
      termId: grant.termId,
      source: grant.source,
      milestoneId: grant.milestoneId ?? null,
      giftPackId: grant.pack.id,
      orderId: order.id,
      valueFen: grant.pack.valueFen,
    });
    return order;
  }
}
