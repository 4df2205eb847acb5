import type {
  AdminTierView,
  CreateOrderResponse,
  FinanceReport,
  GiftPackView,
  MyGiftPacksView,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { backfillLedger } from '../../src/finance/backfill/ledger-backfill';
import { LedgerService } from '../../src/finance/ledger.service';
import { RevenueMaterialisation } from '../../src/finance/report/revenue-materialisation';
import { startTestApp, TestApp } from '../support/test-app';

/** IFRS 15 / CAS 14: a fee that buys a welcome pack and a year of service is split by standalone selling prices. */
describe('finance: revenue allocation between the welcome pack and the membership service', () => {
  let t: TestApp;
  let tier: AdminTierView;
  let pack: GiftPackView;

  beforeAll(async () => {
    // 2032-01-05 10:00 Shanghai: a year of this spec's own.
    t = await startTestApp({ now: new Date('2032-01-05T02:00:00Z') });
    const admin = await t.staff('admin');
    const product = (
      await t.http
        .post('/api/admin/products')
        .set(admin)
        .send({
          title: '分摊测试礼品',
          category: '礼品',
          skus: [{ code: 'ALLOC-1', name: '一份', listPriceFen: 150_000, stock: 50 }],
        })
        .expect(201)
    ).body;
    pack = (
      await t.http
        .post('/api/admin/gift-packs')
        .set(admin)
        .send({
          name: '分摊礼包',
          valueFen: 150_000,
          standaloneFen: 150_000,
          stock: 10,
          items: [{ skuId: product.skus[0].id, quantity: 1 }],
        })
        .expect(201)
    ).body;
    tier = (
      await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({
          code: 'ALLOC12',
          name: '分摊测试卡',
          priceFen: 100_000,
          termMonths: 12,
          serviceStandaloneFen: 60_000,
          giftPackIds: [pack.id],
        })
        .expect(201)
    ).body;
    await t.http.patch(`/api/admin/tiers/${tier.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
  });
  afterAll(() => t.close());

  const report = async (from: string, to: string) =>
    (
      await t.http
        .get('/api/admin/finance/report')
        .query({ from, to, tierId: tier.id })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as FinanceReport;
  const balances = (report: FinanceReport) => {
    for (const row of [...report.rows, report.totals]) {
      expect(row.openingDeferredFen + row.billedFen - row.refundedFen - row.recognisedFen).toBe(row.closingDeferredFen);
      expect(row.recognisedGoodsFen + row.recognisedServiceFen).toBe(row.recognisedFen);
    }
  };

  it('staff set standalone selling prices on the pack and the tier', () => {
    expect(pack.standaloneFen).toBe(150_000);
    expect(tier.serviceStandaloneFen).toBe(60_000);
  });

  it('fee 1000 with pack SSP 1500 and service SSP 600: 714.29 recognised when the pack ships, 285.71 over the 12 months', async () => {
    const auth = await t.customer('alloc-amy');
    await t.http
      .post('/api/me/addresses')
      .set(auth)
      .send({
        name: '周九',
        phone: '13700137000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 1 号',
      })
      .expect(201);
    const order = (
      await t.http.post('/api/orders/membership').set(auth).send({ tierId: tier.id, giftPackId: pack.id }).expect(201)
    ).body as CreateOrderResponse;
    await t.http.post(`/api/dev/wechat/pay/${order.order.outTradeNo}/confirm`).expect(201);

    const beforeShipping = await report('2032-01', '2032-01');
    expect(beforeShipping.rows[0]).toMatchObject({ billedFen: 100_000, recognisedGoodsFen: 0 });
    balances(beforeShipping);

    t.clock.set(new Date('2032-02-03T02:00:00Z'));
    const gifts = (await t.http.get('/api/me/gift-packs').set(auth).expect(200)).body as MyGiftPacksView;
    await t.http
      .post(`/api/admin/orders/${gifts.orders[0].id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF2032000001' })
      .expect(201);

    const year = await report('2032-01', '2033-01');
    balances(year);
    const [jan, feb] = year.rows;
    // 28571 fen over the 366 days from 2032-01-05 (a leap year) at 78 a day
    expect(jan).toMatchObject({ billedFen: 100_000, recognisedGoodsFen: 0, recognisedServiceFen: 27 * 78 });
    expect(feb).toMatchObject({ recognisedGoodsFen: 71_429, recognisedServiceFen: 29 * 78 });
    expect(year.totals.recognisedGoodsFen).toBe(71_429);
    expect(year.totals.recognisedServiceFen).toBe(28_571);
    expect(year.totals.closingDeferredFen).toBe(0);
  });

  it('the monthly export carries the goods / service split and its totals equal the report', async () => {
    const res = await t.http
      .get('/api/admin/finance/export')
      .query({ from: '2032-01-01', to: '2032-12-31', format: 'csv', report: 'monthly', tierId: tier.id })
      .set(await t.staff('finance'))
      .expect(200);
    const lines = String(res.text)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines[0]).toContain('其中：礼包商品（分）');
    const column = (header: string) => lines[0].indexOf(header);
    const totals = lines[lines.length - 1];
    const { totals: onScreen } = await report('2032-01', '2032-12');
    expect(Number(totals[column('其中：礼包商品（分）')])).toBe(onScreen.recognisedGoodsFen);
    expect(Number(totals[column('其中：会员服务（分）')])).toBe(onScreen.recognisedServiceFen);
  });

  it('the backfill re-computes the allocation of payments recorded before it, and the deliveries', async () => {
    const dataSource = t.app.get(DataSource);
    const before = await report('2032-01', '2033-01');
    await dataSource.query("UPDATE ledger_entry SET goodsFen = NULL WHERE kind = 'PAYMENT' AND tierId = ?", [tier.id]);
    await dataSource.query("DELETE FROM ledger_entry WHERE kind = 'DELIVERY' AND tierId = ?", [tier.id]);
    // Raw edits bypass the ledger's writers: rebuild the report's figures, as for a database from before allocation.
    await RevenueMaterialisation.outsideTheApp(dataSource, 'Asia/Shanghai').rebuild();
    expect((await report('2032-01', '2033-01')).totals.recognisedGoodsFen).toBe(0);
    const result = await backfillLedger(dataSource, t.app.get(LedgerService), 'Asia/Shanghai');
    expect(result.allocated).toBeGreaterThanOrEqual(1);
    expect(await report('2032-01', '2033-01')).toEqual(before);
  });
});
