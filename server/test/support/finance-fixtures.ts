import {
  shopMonth,
  type AdminMemberRow,
  type CreateOrderResponse,
  type Page,
  type RefundView,
} from '@member-commerce/shared';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import type { TierFixture } from './shop-fixtures';
import type { TestApp } from './test-app';

export interface FinanceYear {
  /** Fees billed less refunds, per shop month (`YYYY-MM`) of the year. */
  netBilledByMonth: Map<string, number>;
  billedFen: number;
  refundedFen: number;
}

/**
 * A year of membership business in the ledger, through real orders, payments and refunds (dev WeChat): from the
 * month of `from`, a new customer `${prefix}-<i>` buys `tier` on the same day of each of 12 months; every third sale
 * is refunded `refundFen` a week later; staff extend the first member by 10 days (a zero-fee GRANT row). The app's
 * clock is left at the last sale's refund week.
 */
export async function financeYear(
  t: TestApp,
  tier: TierFixture,
  { from, prefix, refundFen }: { from: Date; prefix: string; refundFen: number },
): Promise<FinanceYear> {
  const simulator = t.app.get(WechatSimulator);
  const netBilledByMonth = new Map<string, number>();
  const book = (at: Date, fen: number) => {
    const month = shopMonth(at, t.config.shopTimeZone);
    netBilledByMonth.set(month, (netBilledByMonth.get(month) ?? 0) + fen);
  };
  let billedFen = 0;
  let refundedFen = 0;
  for (let i = 0; i < 12; i++) {
    const soldAt = new Date(from);
    soldAt.setUTCMonth(soldAt.getUTCMonth() + i);
    t.clock.set(soldAt);
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(`${prefix}-${i}`))
        .send({ tierId: tier.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await t.http.post(`/api/dev/wechat/pay/${bought.order.outTradeNo}/confirm`).expect(201);
    billedFen += tier.priceFen;
    book(soldAt, tier.priceFen);
    if (i % 3 !== 2) continue;
    const refundedAt = new Date(soldAt.getTime() + 7 * 24 * 3600_000);
    t.clock.set(refundedAt);
    const refund = (
      await t.http
        .post(`/api/admin/orders/${bought.order.id}/refunds`)
        .set(await t.staff('finance'))
        .send({ reason: '部分退款', amountFen: refundFen })
        .expect(201)
    ).body as RefundView;
    await simulator.completeRefund(refund.outRefundNo, 'SUCCESS', refundedAt);
    const notification = await simulator.buildRefundNotification(refund.outRefundNo);
    await t.http
      .post('/api/payments/wechat/notify')
      .set(notification.headers)
      .set('content-type', 'application/json')
      .send(notification.body)
      .expect(204);
    refundedFen += refundFen;
    book(refundedAt, -refundFen);
  }
  const [first] = (
    (
      await t.http
        .get('/api/admin/members')
        .query({ q: `${prefix}-0` })
        .set(await t.staff('operator'))
        .expect(200)
    ).body as Page<AdminMemberRow>
  ).items;
  await t.http
    .post(`/api/admin/members/${first.membershipId}/extend`)
    .set(await t.staff('operator'))
    .send({ days: 10, reason: '物流延误补偿' })
    .expect(201);
  return { netBilledByMonth, billedFen, refundedFen };
}
