import type { AdminTierView, CreateOrderResponse, FinanceReport } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { FinanceReportService } from '../../src/finance/report/finance-report.service';
import { RevenueMaterialisation } from '../../src/finance/report/revenue-materialisation';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #20: the report reads materialised (tier, month) figures. After every kind of write that moves revenue
 * (payment, change of tier, partial and full refund, staff revoke) it answers exactly what the computation over the
 * whole ledger answers, for every tier and each tier alone (demo-seed.api-spec.ts checks the same over the demo year).
 */
describe('finance: the materialised report equals the report computed from the whole ledger', () => {
  let t: TestApp;
  let yearly: AdminTierView;
  let premium: AdminTierView;
  let dataSource: DataSource;

  beforeAll(async () => {
    // 2033-03-10 10:00 Shanghai: months of this spec's own.
    t = await startTestApp({ now: new Date('2033-03-10T02:00:00Z') });
    dataSource = t.app.get(DataSource);
    const admin = await t.staff('admin');
    const tier = async (code: string, priceFen: number) => {
      const created = (
        await t.http
          .post('/api/admin/tiers')
          .set(admin)
          .send({ code, name: `物化${code}`, priceFen, termMonths: 12 })
          .expect(201)
      ).body as AdminTierView;
      await t.http.patch(`/api/admin/tiers/${created.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
      return created;
    };
    yearly = await tier('MAT12', 36_500);
    premium = await tier('MATP12', 99_900);
  });
  afterAll(() => t.close());

  const fromApi = async (tierId?: number) =>
    (
      await t.http
        .get('/api/admin/finance/report')
        .query({ from: '2024-01', to: '2033-12', ...(tierId ? { tierId } : {}) })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as FinanceReport;
  const fromLedger = async (tierId?: number) => {
    const reports = t.app.get(FinanceReportService);
    return (await reports.rollForwardFromLedger(tierId)).report(
      ...(Object.values(reports.parseMonths('2024-01', '2033-12')) as [number, number]),
      await reports.tierNames(),
    );
  };
  const expectSameAsLedger = async () => {
    for (const tierId of [undefined, yearly.id, premium.id])
      expect(await fromApi(tierId)).toEqual(await fromLedger(tierId));
    expect(await dataSource.query('SELECT id FROM revenue_dirty')).toEqual([]);
  };
  const pay = async (customer: string, tierId: number) => {
    const order = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(customer))
        .send({ tierId })
        .expect(201)
    ).body.order as CreateOrderResponse['order'];
    await t.http.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`).expect(201);
    return order;
  };
  const refund = async (orderId: number, body: { amountFen?: number; reason: string }) => {
    const created = (
      await t.http
        .post(`/api/admin/orders/${orderId}/refunds`)
        .set(await t.staff('admin'))
        .send(body)
        .expect(201)
    ).body;
    const simulator = t.app.get(WechatSimulator);
    await simulator.completeRefund(created.outRefundNo, 'SUCCESS', t.clock.now());
    const notification = await simulator.buildRefundNotification(created.outRefundNo);
    await t.http
      .post('/api/payments/wechat/notify')
      .set(notification.headers)
      .set('content-type', 'application/json')
      .send(notification.body)
      .expect(204);
  };

  it('before any write of its own: the same rows and totals to the fen', async () => {
    await expectSameAsLedger();
  });

  it('after a payment, a change of tier that cuts the paid term, a partial refund, a full refund and a staff revoke', async () => {
    const first = await pay('mat-amy', yearly.id);
    await expectSameAsLedger();

    t.clock.set(new Date('2033-05-20T02:00:00Z'));
    const upgrade = await pay('mat-amy', premium.id); // cuts the yearly term: its CARRY_OVER rest follows the new one
    await expectSameAsLedger();

    t.clock.set(new Date('2033-06-02T02:00:00Z'));
    await refund(upgrade.id, { amountFen: 10_000, reason: '部分退款' });
    await expectSameAsLedger();

    t.clock.set(new Date('2033-07-15T02:00:00Z'));
    await refund(first.id, { reason: '全额退款' });
    await expectSameAsLedger();

    const bob = await pay('mat-bob', yearly.id);
    await expectSameAsLedger();
    t.clock.set(new Date('2033-09-01T02:00:00Z'));
    const [{ id: membershipId }] = await dataSource.query(
      'SELECT m.id AS id FROM membership m JOIN customer_order o ON o.customerId = m.customerId WHERE o.id = ?',
      [bob.id],
    );
    await t.http
      .post(`/api/admin/members/${membershipId}/revoke`)
      .set(await t.staff('admin'))
      .send({ reason: '违规转售' })
      .expect(201);
    await expectSameAsLedger();
  });

  it("a gift membership: deferred while unredeemed, then recognised over the friend's term (which cuts the friend's own), as the ledger computes it", async () => {
    t.clock.set(new Date('2033-10-01T02:00:00Z'));
    const buyer = await t.customer('mat-gift-buyer');
    const gift = (await t.http.post('/api/orders/membership-gift').set(buyer).send({ tierId: yearly.id }).expect(201))
      .body.order as CreateOrderResponse['order'];
    await t.http.post(`/api/dev/wechat/pay/${gift.outTradeNo}/confirm`).expect(201);
    await expectSameAsLedger();

    await pay('mat-gift-friend', premium.id); // the friend's own term, which the redeemed code cuts
    t.clock.set(new Date('2033-10-20T02:00:00Z'));
    const [{ code }] = (await t.http.get('/api/me/gift-memberships').set(buyer).expect(200)).body as { code: string }[];
    await t.http
      .post('/api/me/membership-codes/redeem')
      .set(await t.customer('mat-gift-friend'))
      .send({ code })
      .expect(201);
    await expectSameAsLedger();
  });

  it('the backfill rebuilds the figures from the ledger whatever they held, and a second run changes nothing', async () => {
    const expected = await fromLedger();
    await dataSource.query('UPDATE revenue_month SET billedFen = billedFen + 7');
    await dataSource.query(
      'DELETE FROM revenue_customer WHERE customerId IN (SELECT customerId FROM ledger_entry WHERE kind = ?)',
      ['REFUND'],
    );
    const materialisation = RevenueMaterialisation.outsideTheApp(dataSource, t.config.shopTimeZone);
    expect(await materialisation.rebuild()).toBeGreaterThan(0);
    expect(await fromApi()).toEqual(expected);
    await materialisation.rebuild();
    expect(await fromApi()).toEqual(expected);
  });
});
