import { EntityManager } from 'typeorm';
import { OrderKind, OrderStatus, PaymentStatus, RefundStatus } from '@member-commerce/shared';
import { Customer } from '../../customers/customer.entity';
import { LedgerService } from '../../finance/ledger.service';
import { MembershipTermsService, tierTerms } from '../../membership/membership-terms.service';
import { Tier } from '../../membership/tier.entity';
import { OrderLine } from '../../orders/order-line.entity';
import { OrderStateMachine } from '../../orders/order-state';
import { Order } from '../../orders/order.entity';
import { newOutRefundNo, newOutTradeNo } from '../../orders/out-trade-no';
import { Payment } from '../../payments/payment.entity';
import { Refund } from '../../payments/refund.entity';
import { devOpenid } from '../../wechat/dev/dev-openid';

const DAY = 24 * 3600 * 1000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
];

/** A small deterministic PRNG (mulberry32), so every fresh demo database tells the same year. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type DemoEvent =
  | { at: Date; kind: 'buy'; customer: number; tier: 'ANNUAL' | 'BLACK' }
  | { at: Date; kind: 'refund'; customer: number; partialFen?: number }
  | { at: Date; kind: 'grant'; customer: number; days: number };

interface Deps {
  machine: OrderStateMachine;
  terms: MembershipTermsService;
  ledger: LedgerService;
  tiers: Record<string, Tier>;
  now: Date;
}

/** The only place the demo creates orders: a membership order, through the state machine, awaiting payment. */
function createDemoMembershipOrder(
  manager: EntityManager,
  machine: OrderStateMachine,
  customerId: number,
  tier: Tier,
  at: Date,
): Promise<Order> {
  return machine.create(
    manager,
    {
      outTradeNo: newOutTradeNo(at),
      customerId,
      kind: OrderKind.MEMBERSHIP,
      refundedFen: 0,
      pricedAsTierId: null,
      termId: null,
      tierId: tier.id,
      giftPackId: null,
      parentOrderId: null,
      milestoneId: null,
      address: null,
      tierTerms: tierTerms(tier),
      expiresAt: new Date(at.getTime() + 15 * 60_000),
      paidAt: null,
      closedAt: null,
      createdAt: at,
      updatedAt: at,
      lines: [
        manager.create(OrderLine, {
          skuId: null,
          giftPackId: null,
          name: tier.name,
          image: null,
          quantity: 1,
          unitListPriceFen: tier.priceFen,
          unitPriceFen: tier.priceFen,
          lineTotalFen: tier.priceFen,
        }),
      ],
    },
    OrderStatus.PENDING_PAYMENT,
    at,
    'demo',
  );
}

/** A year (and a bit) of membership sales at past dates: joins, early and late renewals, upgrades, refunds, grants. */
function planYear(now: Date, customers: number): DemoEvent[] {
  const rand = random(20251128);
  const daysAgo = (days: number, hour = 9 + Math.floor(rand() * 12)) =>
    new Date(now.getTime() - days * DAY - (now.getTime() % DAY) + (hour - 8) * 3600_000);
  const events: DemoEvent[] = [];
  for (let customer = 0; customer < customers; customer++) {
    const joined = 20 + Math.floor(rand() * 430);
    const tier = rand() < 0.75 ? 'ANNUAL' : 'BLACK';
    events.push({ at: daysAgo(joined), kind: 'buy', customer, tier });
    const roll = rand();
    if (roll < 0.08) {
      events.push({ at: daysAgo(joined - 2), kind: 'refund', customer });
      continue;
    }
    if (roll < 0.1) {
      events.push({ at: daysAgo(joined - 5), kind: 'refund', customer, partialFen: 20_000 });
      continue;
    }
    let upgraded = false;
    if (tier === 'ANNUAL' && roll < 0.25 && joined > 60) {
      events.push({
        at: daysAgo(joined - 20 - Math.floor(rand() * (joined - 40))),
        kind: 'buy',
        customer,
        tier: 'BLACK',
      });
      upgraded = true;
    }
    const renewAgo = joined - 365 + Math.floor(rand() * 50) - 10;
    if (!upgraded && joined > 330 && renewAgo >= 1 && rand() < 0.7)
      events.push({ at: daysAgo(renewAgo), kind: 'buy', customer, tier });
    if (roll > 0.96) events.push({ at: daysAgo(Math.max(1, joined - 100)), kind: 'grant', customer, days: 30 });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Seeds the demo finance year so the finance report and dashboard charts show real figures on first start. */
export async function seedFinanceYear(manager: EntityManager, deps: Deps, customers = 80): Promise<void> {
  const rand = random(7);
  const ids: number[] = [];
  for (let i = 0; i < customers; i++) {
    const nickname = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
    const phone = `139${String(10_000_000 + i * 7919).slice(0, 8)}`;
    ids.push(
      (
        await manager.save(
          manager.create(Customer, { openid: devOpenid(`demo-fin-${i}`), unionid: null, nickname, phone }),
        )
      ).id,
    );
  }
  const lastOrder = new Map<number, Order>();
  for (const event of planYear(deps.now, customers)) {
    const customerId = ids[event.customer];
    if (event.kind === 'buy')
      lastOrder.set(customerId, await buy(manager, deps, customerId, deps.tiers[event.tier], event.at));
    else if (event.kind === 'refund')
      await refund(manager, deps, lastOrder.get(customerId)!, event.at, event.partialFen);
    else {
      // The ledger's GRANT entry comes from the grant itself (TermEvents).
      await deps.terms.extend(manager, customerId, { days: event.days, staffId: null, role: 'admin' }, event.at);
    }
  }
}

/** Paid as WeChat would settle it: the state machine's hooks create the term, its coupons and the ledger entry. */
async function buy(manager: EntityManager, deps: Deps, customerId: number, tier: Tier, at: Date): Promise<Order> {
  const order = await createDemoMembershipOrder(manager, deps.machine, customerId, tier, at);
  const payment = await manager.save(
    manager.create(Payment, {
      orderId: order.id,
      outTradeNo: order.outTradeNo,
      prepayId: null,
      transactionId: `4200DEMO${order.outTradeNo.slice(2)}`.slice(0, 32),
      amountFen: order.totalFen,
      paidFen: order.totalFen,
      status: PaymentStatus.SUCCESS,
      flagReason: null,
      raw: { demo: true },
      succeededAt: at,
    }),
  );
  await deps.machine.transition(manager, order, OrderStatus.PAID, at, 'demo: paid', {
    payment: { id: payment.id, transactionId: payment.transactionId, amountFen: order.totalFen },
  });
  return order;
}

/** A full refund removes what is left of the order's term; a partial one moves money only (the hooks do both). */
async function refund(manager: EntityManager, deps: Deps, order: Order, at: Date, partialFen?: number): Promise<void> {
  const amountFen = partialFen ?? order.totalFen;
  const row = await manager.save(
    manager.create(Refund, {
      orderId: order.id,
      outRefundNo: newOutRefundNo(at),
      refundId: `5030DEMO${order.outTradeNo.slice(2)}`.slice(0, 32),
      amountFen,
      status: RefundStatus.SUCCESS,
      reason: partialFen ? '演示：部分退款（补偿）' : '演示：七天无理由退会',
      requestedByStaffId: null,
      endsTerm: !partialFen,
      raw: { demo: true },
      succeededAt: at,
    }),
  );
  await deps.machine.transition(manager, order, OrderStatus.REFUNDING, at, `demo: refund ${row.outRefundNo}`);
  order.refundedFen = amountFen;
  await manager.update(Order, { id: order.id }, { refundedFen: amountFen });
  await deps.machine.transition(
    manager,
    order,
    partialFen ? OrderStatus.PAID : OrderStatus.REFUNDED,
    at,
    `demo: refunded ${amountFen}`,
    {
      refund: {
        id: row.id,
        amountFen,
        refundId: row.refundId,
        succeeded: true,
        endsTerm: !partialFen,
        restock: false,
        succeededAt: at,
      },
    },
  );
}
