import { EntityManager, In } from 'typeorm';
import { OrderKind, OrderStatus, PaymentStatus } from '@member-commerce/shared';
import { Sku } from '../../catalog/sku.entity';
import { BasketPricingService } from '../../checkout/basket-pricing.service';
import { MembershipTerm } from '../../membership/membership-term.entity';
import { OrderStateMachine } from '../../orders/order-state';
import { OrderLine } from '../../orders/order-line.entity';
import { newOutTradeNo } from '../../orders/out-trade-no';
import { Payment } from '../../payments/payment.entity';

const ADDRESS = {
  name: '演示会员',
  phone: '13800000001',
  province: '上海市',
  city: '上海市',
  district: '浦东新区',
  detail: '世纪大道 100 号 8 楼',
};

/**
 * Paid product orders of a demo member during `term`, so spend, savings and order lists have content. Each basket is
 * priced by checkout's own pricing (member prices, shipping, totals) as the member would be charged at seeding time;
 * only the payment is dated back.
 */
export async function seedPaidOrders(
  manager: EntityManager,
  { machine, pricing }: { machine: OrderStateMachine; pricing: BasketPricingService },
  customerId: number,
  term: MembershipTerm,
  baskets: { daysAgo: number; items: [string, number][] }[],
  now: Date,
): Promise<void> {
  for (const basket of baskets) {
    const skus = await manager.findBy(Sku, { code: In(basket.items.map(([code]) => code)) });
    const items = basket.items.map(([code, quantity]) => ({
      skuId: skus.find((sku) => sku.code === code)!.id,
      quantity,
    }));
    const priced = await pricing.price(manager, customerId, items, undefined, now, { listCoupons: false });
    if (priced.active?.term.id !== term.id) throw new Error(`demo basket priced outside term ${term.id}`);
    const lines = priced.lines.map((line) => manager.create(OrderLine, line));
    const paidAt = new Date(now.getTime() - basket.daysAgo * 24 * 3600 * 1000);
    const order = await machine.create(
      manager,
      {
        outTradeNo: newOutTradeNo(paidAt),
        customerId,
        kind: OrderKind.PRODUCT,
        shippingFen: priced.shippingFen,
        refundedFen: 0,
        pricedAsTierId: term.tierId,
        termId: term.id,
        tierId: null,
        giftPackId: null,
        parentOrderId: null,
        milestoneId: null,
        address: ADDRESS,
        tierTerms: null,
        expiresAt: null,
        paidAt: null,
        closedAt: null,
        lines,
      },
      OrderStatus.PENDING_PAYMENT,
      paidAt,
      'demo seed',
    );
    const transactionId = `4200DEMO${order.id}${Date.now()}`.slice(0, 32);
    const payment = await manager.save(
      manager.create(Payment, {
        orderId: order.id,
        outTradeNo: order.outTradeNo,
        amountFen: order.totalFen,
        paidFen: order.totalFen,
        status: PaymentStatus.SUCCESS,
        transactionId,
        succeededAt: paidAt,
        raw: { demo: true },
      }),
    );
    await machine.transition(manager, order, OrderStatus.PAID, paidAt, 'demo seed', {
      payment: { id: payment.id, transactionId, amountFen: order.totalFen },
    });
  }
}
