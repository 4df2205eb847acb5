import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrderKind } from '@member-commerce/shared';
import { GiftPack } from '../catalog/gift-pack.entity';
import { LedgerService } from '../finance/ledger.service';
import { MembershipTermsService } from '../membership/membership-terms.service';
import { createGiftOrder } from '../milestones/gift-orders';
import { Payment } from '../payments/payment.entity';
import { Order } from './order.entity';

/**
 * What happens when an order is paid, in the same transaction as the order turning PAID: a membership
 * order creates or extends the term, fulfils the welcome pack and writes the ledger.
 */
@Injectable()
export class OrderFulfilmentService {
  constructor(
    private readonly terms: MembershipTermsService,
    private readonly ledger: LedgerService,
  ) {}

  async onPaid(manager: EntityManager, order: Order, payment: Payment, now: Date): Promise<void> {
    if (order.kind !== OrderKind.MEMBERSHIP) return;
    const term = await this.terms.addPurchasedTerm(manager, {
      customerId: order.customerId,
      tierId: order.tierId!,
      terms: order.tierTerms!,
      orderId: order.id,
      feeFen: order.totalFen,
      now,
    });
    if (order.giftPackId) {
      const pack = await manager.findOneOrFail(GiftPack, { where: { id: order.giftPackId }, relations: { items: { sku: { product: true } } } });
      await createGiftOrder(manager, { customerId: order.customerId, termId: term.id, source: 'WELCOME', parentOrderId: order.id, pack, address: null, now });
    }
    await this.ledger.record(manager, {
      sourceKey: `payment:${payment.id}`,
      kind: 'PAYMENT',
      occurredAt: now,
      orderId: order.id,
      customerId: order.customerId,
      tierId: order.tierId,
      termId: term.id,
      amountFen: order.totalFen,
      channelTransactionId: payment.transactionId,
    });
  }
}
