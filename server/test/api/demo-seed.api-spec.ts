import type {
  AdminOrderView,
  CheckoutQuote,
  FinanceReport,
  GiftPackView,
  OrderView,
  Page,
  ProductView,
  RefundView,
  TierView,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { FinanceReportService } from '../../src/finance/report/finance-report.service';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import type { TestApp } from '../support/test-app';

/**
 * The demo shop `pnpm start` shows. The one API spec that boots with the demo seed (seed-free-specs.api-spec.ts
 * keeps it so): it checks the seed itself, never a feature through the seed's numbers.
 */
describe('demo seed', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev', { seed: true }));
  }, 300_000); // seeding a year of demo finance is slow on a shared, loaded machine
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const member = () => t.customer('demo-member');

  it('the demo member has paid product orders to show', async () => {
    const orders = (
      await t.http
        .get('/api/orders')
        .query({ pageSize: 50 })
        .set(await member())
        .expect(200)
    ).body as Page<OrderView>;
    expect(orders.items.filter((order) => order.kind === 'PRODUCT' && order.status === 'PAID').length).toBeGreaterThan(
      0,
    );
  });

  it('demo orders are priced by checkout: each equals a quote of the same basket for the same member', async () => {
    const auth = await member();
    const orders = (await t.http.get('/api/orders').query({ pageSize: 50 }).set(auth).expect(200))
      .body as Page<OrderView>;
    const products = orders.items.filter((order) => order.kind === 'PRODUCT');
    expect(products.length).toBeGreaterThan(0);
    for (const order of products) {
      const items = order.lines.map((line) => ({ skuId: line.skuId!, quantity: line.quantity }));
      const quote = (await t.http.post('/api/orders/quote').set(auth).send({ items }).expect(200))
        .body as CheckoutQuote;
      const withoutId = ({ id: _id, ...line }: { id: number }) => line;
      expect(order.lines.map(withoutId)).toEqual(quote.lines.map(withoutId));
      expect({ totalFen: order.totalFen, listTotalFen: order.listTotalFen, shippingFen: order.shippingFen }).toEqual({
        totalFen: quote.totalFen,
        listTotalFen: quote.listTotalFen,
        shippingFen: quote.shippingFen,
      });
    }
  });

  it('the demo catalogue ships pictures served from the storage', async () => {
    const res = await t.http.get('/api/products').expect(200);
    const items = (Array.isArray(res.body) ? res.body : res.body.items) as ProductView[];
    const demo = items.find((product) => product.title.startsWith('五常稻花香大米'))!;
    expect(demo.images).toHaveLength(2);
    expect(demo.skus.find((sku) => sku.code === 'RICE-10KG')!.images).toEqual([demo.images[1]]);
    const picture = await t.http.get(demo.images[0]).expect(200);
    expect(picture.headers['content-type']).toBe('image/jpeg');
    await t.http.get(demo.images[0].replace('.jpg', '.thumb.jpg')).expect(200);
  });

  it('the demo finance year: the materialised report equals the report computed from the whole ledger', async () => {
    const fromApi = (
      await t.http
        .get('/api/admin/finance/report')
        .query({ from: '2024-01', to: '2033-12' })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as FinanceReport;
    const reports = t.app.get(FinanceReportService);
    const fromLedger = (await reports.rollForwardFromLedger()).report(
      ...(Object.values(reports.parseMonths('2024-01', '2033-12')) as [number, number]),
      await reports.tierNames(),
    );
    expect(fromApi.rows.length).toBeGreaterThan(0);
    expect(fromApi).toEqual(fromLedger);
    expect(await t.app.get(DataSource).query('SELECT id FROM revenue_dirty')).toEqual([]);
  });

  it('demo orders can be refunded in dev mode: the simulated WeChat knows their payments', async () => {
    const admin = await t.staff('admin');
    const paid = (await t.http.get('/api/admin/orders?status=PAID&kind=MEMBERSHIP&pageSize=100').set(admin).expect(200))
      .body.items as AdminOrderView[];
    const demo = paid.find((order) => order.customer.nickname);
    expect(demo).toBeDefined();
    const started = (
      await t.http
        .post(`/api/admin/orders/${demo!.id}/refunds`)
        .set(admin)
        .send({ reason: '测试退款', amountFen: 100 })
        .expect(201)
    ).body as RefundView;
    expect(await pay.completeRefund(started.outRefundNo)).toBe(204);
    const order = (await t.http.get(`/api/admin/orders/${demo!.id}`).set(admin).expect(200)).body as AdminOrderView;
    expect(order.refunds.find((refund) => refund.id === started.id)).toMatchObject({ status: 'SUCCESS' });
  });

  it('the demo tier text claims no more than its least valuable welcome pack', async () => {
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    const described = tiers.filter((tier) => /价值 ¥[\d,]+/.test(tier.description ?? ''));
    expect(described.length).toBeGreaterThan(0);
    for (const tier of described) {
      const least = Math.min(...tier.giftPacks.map((pack) => pack.valueFen));
      const claimed = Number(/价值 ¥([\d,]+)/.exec(tier.description ?? '')![1].replace(/,/g, '')) * 100;
      expect(claimed).toBeLessThanOrEqual(least);
    }
  });

  it('the demo gift packs are declared at what their contents are worth', async () => {
    const packs = (
      await t.http
        .get('/api/admin/gift-packs')
        .set(await t.staff('operator'))
        .expect(200)
    ).body as GiftPackView[];
    expect(packs.length).toBeGreaterThan(0);
    expect(packs.filter((pack) => pack.valueFen !== pack.contentsValueFen)).toEqual([]);
  });
});
