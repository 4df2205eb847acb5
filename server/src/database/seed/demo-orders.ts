import { EntityManager, In } from 'typeorm';
import { lineTotalFen, OrderKind, OrderStatus, PaymentStatus } from '@member-commerce/shared';
import { memberPrice } from '../../catalog/member-price';
import { SkuMemberPrice } from '../../catalog/sku-member-price.entity';
import { Sku } from '../../catalog/sku.entity';
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

/** Paid, member-priced product orders of a demo member during `term`, so spend, savings and order lists have content. */
export async function seedPaidOrders(
  manager: EntityManager,
  machine: OrderStateMachine,
  customerId: number,
  term: MembershipTerm,
  baskets: { daysAgo: number; items: [string, number][] }[],
  now: Date,
): Promise<void> {
  for (const basket of baskets) {
    const skus = await manager.find(Sku, {
      where: { code: In(basket.items.map(([code]) => code)) },
      relations: { product: true },
    });
    const prices = await manager.findBy(SkuMemberPrice, { tierId: term.tierId, skuId: In(skus.map((sku) => sku.id)) });
    const tier = { id: term.tierId, defaultDiscountBp: term.snapshot.defaultDiscountBp };
    const lines = basket.items.map(([code, quantity]) => {
      const sku = skus.find((candidate) => candidate.code === code)!;
      const unitPriceFen = memberPrice(sku, tier, prices.find((price) => price.skuId === sku.id)?.priceFen);
      return manager.create(OrderLine, {
        skuId: sku.id,
        giftPackId: null,
        name: `${sku.product.title} ${sku.name}`,
        image: null,
        quantity,
        unitListPriceFen: sku.listPriceFen,
        unitPriceFen,
        lineTotalFen: lineTotalFen({ unitPriceFen, quantity }),
      });
    });
    const paidAt = new Date(now.getTime() - basket.daysAgo * 24 * 3600 * 1000);
    const order = await machine.create(
      manager,
      {
        outTradeNo: newOutTradeNo(paidAt),
        customerId,
        kind: OrderKind.PRODUCT,
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
