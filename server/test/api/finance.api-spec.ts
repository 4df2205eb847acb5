import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type {
  AdminTierView,
  CreateOrderResponse,
  DashboardView,
  ExportJobView,
  FinanceReport,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { backfillLedger } from '../../src/finance/backfill/ledger-backfill';
import { LedgerService } from '../../src/finance/ledger.service';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { financeYear, type FinanceYear } from '../support/finance-fixtures';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Binary bodies as a Buffer (supertest leaves unknown types unparsed otherwise). */
const asBuffer = (res: unknown, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const parseCsv = (buffer: Buffer) => {
  const text = buffer.toString('utf8');
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
};

describe('finance: ledger, monthly report and exports', () => {
  let t: TestApp;
  let exportDir: string;
  let tier: AdminTierView;
  let order: CreateOrderResponse['order'];
  let yearBefore: FinanceYear;

  beforeAll(async () => {
    exportDir = mkdtempSync(join(tmpdir(), 'mc-exports-'));
    t = await startTestApp({ now: new Date('2029-01-05T02:00:00Z'), env: { EXPORT_DIR: exportDir } });
    // The year before: another tier's sales, partial refunds and a staff grant, so the ledger holds every kind of row.
    const quarterly = await shopFixtures(t).tier('FIN90', { priceFen: 9_000, termDays: 90 });
    yearBefore = await financeYear(t, quarterly, {
      from: new Date('2029-01-05T02:00:00Z'),
      prefix: 'fin-year',
      refundFen: 3_000,
    });
    // 2030-01-10 10:00 in Shanghai: the spec's own tier is sold after that year.
    t.clock.set(new Date('2030-01-10T02:00:00Z'));
    const admin = await t.staff('admin');
    tier = (
      await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code: 'FIN365', name: '财务测试卡', priceFen: 36_500, termDays: 365 })
        .expect(201)
    ).body;
    await t.http.patch(`/api/admin/tiers/${tier.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);

    order = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('fin-amy'))
        .send({ tierId: tier.id })
        .expect(201)
    ).body.order;
    await t.http.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`).expect(201);
    // 50 days served (Jan 10 – Feb 28), then a full refund on 2030-03-01 12:00 Shanghai truncates the term.
    t.clock.set(new Date('2030-03-01T04:00:00Z'));
    const refund = (
      await t.http
        .post(`/api/admin/orders/${order.id}/refunds`)
        .set(await t.staff('finance'))
        .send({ reason: '七天无理由' })
        .expect(201)
    ).body;
    const simulator = t.app.get(WechatSimulator);
    // The refund succeeds at the spec's own time (the app's fixed clock), not the wall clock.
    await simulator.completeRefund(refund.outRefundNo, 'SUCCESS', new Date('2030-03-01T12:00:00+08:00'));
    const notification = await simulator.buildRefundNotification(refund.outRefundNo);
    await t.http
      .post('/api/payments/wechat/notify')
      .set(notification.headers)
      .set('content-type', 'application/json')
      .send(notification.body)
      .expect(204);
  }, 180_000); // a year of orders and refunds on a shared, loaded MariaDB
  afterAll(async () => {
    await t.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  const report = async (from: string, to: string) =>
    (
      await t.http
        .get('/api/admin/finance/report')
        .query({ from, to, tierId: tier.id })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as FinanceReport;

  it('the report recognises the fee by day and a full refund first reverses what was still deferred', async () => {
    const { rows, totals } = await report('2029-12', '2030-04');
    expect(rows.map((row) => row.month)).toEqual(['2029-12', '2030-01', '2030-02', '2030-03', '2030-04']);
    expect(rows[1]).toMatchObject({
      tierId: tier.id,
      openingDeferredFen: 0,
      billedFen: 36_500,
      refundedFen: 0,
      recognisedFen: 2_200,
      closingDeferredFen: 34_300,
    });
    expect(rows[2]).toMatchObject({ openingDeferredFen: 34_300, recognisedFen: 2_800, closingDeferredFen: 31_500 });
    // 31500 still deferred, 36500 refunded: the 5000 recognised in Jan–Feb is reversed in March.
    expect(rows[3]).toMatchObject({ refundedFen: 36_500, recognisedFen: -5_000, closingDeferredFen: 0 });
    expect(totals).toEqual({
      openingDeferredFen: 0,
      billedFen: 36_500,
      refundedFen: 36_500,
      recognisedFen: 0,
      recognisedGoodsFen: 0,
      recognisedServiceFen: 0,
      closingDeferredFen: 0,
    });
    for (const row of rows)
      expect(row.openingDeferredFen + row.billedFen - row.refundedFen - row.recognisedFen).toBe(row.closingDeferredFen);
  });

  it('the report over every tier balances on every row, the year before included', async () => {
    const { rows, totals } = await report('2028-01', '2031-12').then(
      async () =>
        (
          await t.http
            .get('/api/admin/finance/report')
            .query({ from: '2028-01', to: '2031-12' })
            .set(await t.staff('admin'))
            .expect(200)
        ).body as FinanceReport,
    );
    for (const row of rows)
      expect(row.openingDeferredFen + row.billedFen - row.refundedFen - row.recognisedFen).toBe(row.closingDeferredFen);
    expect(totals.openingDeferredFen + totals.billedFen - totals.refundedFen - totals.recognisedFen).toBe(
      totals.closingDeferredFen,
    );
    // Both tiers are in it: the year before and this spec's fee, sold and refunded in full.
    expect(totals).toMatchObject({
      billedFen: yearBefore.billedFen + tier.priceFen,
      refundedFen: yearBefore.refundedFen + tier.priceFen,
    });
  });

  it('the ledger CSV is UTF-8 with a BOM, carries outTradeNo, and its totals equal the report to the fen', async () => {
    const res = await t.http
      .get('/api/admin/finance/export')
      .query({ from: '2030-01-01', to: '2030-03-31', format: 'csv', tierId: tier.id })
      .set(await t.staff('finance'))
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(body);
    expect(header).toEqual([
      '记账时间',
      '类型',
      '商户订单号',
      '订单ID',
      '客户ID',
      '会员卡',
      '会员卡ID',
      '会员期ID',
      '金额（元）',
      '金额（分）',
      '微信支付/退款单号',
    ]);
    expect(lines.map((line) => [line[1], line[2], line[8], line[9]])).toEqual([
      ['会费收款', order.outTradeNo, '365.00', '36500'],
      ['会费退款', order.outTradeNo, '-365.00', '-36500'],
    ]);
    expect(lines[0][0]).toBe('2030-01-10 10:00:00');
    const { totals } = await report('2030-01', '2030-03');
    expect(lines.reduce((sum, line) => sum + Number(line[9]), 0)).toBe(totals.billedFen - totals.refundedFen);
  });

  it('the monthly CSV ends with totals equal to the on-screen report', async () => {
    const res = await t.http
      .get('/api/admin/finance/export')
      .query({ from: '2030-01-01', to: '2030-03-31', format: 'csv', report: 'monthly', tierId: tier.id })
      .set(await t.staff('finance'))
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    const lines = parseCsv(res.body as Buffer);
    const totalsLine = lines[lines.length - 1];
    expect(totalsLine[0]).toBe('合计');
    const { totals } = await report('2030-01', '2030-03');
    expect(totalsLine.slice(10, 17).map(Number)).toEqual([
      totals.openingDeferredFen,
      totals.billedFen,
      totals.refundedFen,
      totals.recognisedFen,
      totals.recognisedGoodsFen,
      totals.recognisedServiceFen,
      totals.closingDeferredFen,
    ]);
    expect(lines.length).toBe(1 + 3 + 1);
  });

  it('the XLSX export parses back with the same rows as the CSV', async () => {
    const query = { from: '2030-01-01', to: '2030-03-31', tierId: tier.id };
    const finance = await t.staff('finance');
    const csv = parseCsv(
      (
        await t.http
          .get('/api/admin/finance/export')
          .query({ ...query, format: 'csv' })
          .set(finance)
          .buffer(true)
          .parse(asBuffer)
          .expect(200)
      ).body,
    );
    const xlsx = await t.http
      .get('/api/admin/finance/export')
      .query({ ...query, format: 'xlsx' })
      .set(finance)
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row, rowNumber) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((value, i) =>
            value === null || value === undefined
              ? ''
              : i === 8 && rowNumber > 1
                ? Number(value).toFixed(2)
                : String(value),
          ),
      ),
    );
    expect(rows).toEqual(csv);
  });

  it('an export job reports progress, lists itself and serves the same file as the direct download', async () => {
    const finance = await t.staff('finance');
    const query = { from: '2030-01-01', to: '2030-03-31', format: 'csv', tierId: tier.id };
    const started = (await t.http.post('/api/admin/finance/export-jobs').set(finance).send(query).expect(201))
      .body as ExportJobView;
    expect(['QUEUED', 'RUNNING', 'DONE']).toContain(started.status);
    let job = started;
    for (let i = 0; i < 100 && job.status !== 'DONE' && job.status !== 'FAILED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await t.http.get(`/api/admin/finance/export-jobs/${started.id}`).set(finance).expect(200)).body;
    }
    expect(job).toMatchObject({
      status: 'DONE',
      rowsDone: 2,
      rowsTotal: 2,
      requestedBy: 'finance',
      fileName: expect.stringMatching(/\.csv$/),
    });
    const list = (
      await t.http
        .get('/api/admin/finance/export-jobs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as ExportJobView[];
    expect(list[0].id).toBe(job.id);
    const file = await t.http
      .get(`/api/admin/finance/export-jobs/${job.id}/file`)
      .set(finance)
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    const direct = await t.http
      .get('/api/admin/finance/export')
      .query(query)
      .set(finance)
      .buffer(true)
      .parse(asBuffer)
      .expect(200);
    expect((file.body as Buffer).equals(direct.body as Buffer)).toBe(true);
    expect(job.sizeBytes).toBe((file.body as Buffer).length);
  });

  it('bad dates are refused with 400 INVALID_DATE_RANGE', async () => {
    const finance = await t.staff('finance');
    for (const query of [
      { from: '2030-02-30', to: '2030-03-01', format: 'csv' },
      { from: '2030-03-01', to: '2030-02-01', format: 'csv' },
      { from: '20300101', to: '2030-02-01', format: 'csv' },
      { to: '2030-02-01', format: 'csv' },
    ]) {
      const res = await t.http.get('/api/admin/finance/export').query(query).set(finance).expect(400);
      expect(res.body.code).toBe('INVALID_DATE_RANGE');
    }
    for (const query of [
      { from: '2030-13', to: '2030-12' },
      { from: '2030-05', to: '2030-01' },
      { from: '2030-01-01', to: '2030-02' },
    ]) {
      expect((await t.http.get('/api/admin/finance/report').query(query).set(finance).expect(400)).body.code).toBe(
        'INVALID_DATE_RANGE',
      );
    }
    expect(
      (
        await t.http
          .post('/api/admin/finance/export-jobs')
          .set(finance)
          .send({ from: '2030-02-30', to: '2030-03-01', format: 'csv' })
          .expect(400)
      ).body.code,
    ).toBe('INVALID_DATE_RANGE');
  });

  it('operator and support are refused every finance route with 403', async () => {
    for (const role of ['operator', 'support'] as const) {
      const auth = await t.staff(role);
      await t.http.get('/api/admin/finance/report').query({ from: '2030-01', to: '2030-02' }).set(auth).expect(403);
      await t.http
        .get('/api/admin/finance/export')
        .query({ from: '2030-01-01', to: '2030-01-31', format: 'csv' })
        .set(auth)
        .expect(403);
      await t.http
        .post('/api/admin/finance/export-jobs')
        .set(auth)
        .send({ from: '2030-01-01', to: '2030-01-31', format: 'csv' })
        .expect(403);
      await t.http.get('/api/admin/finance/export-jobs').set(auth).expect(403);
    }
    await t.http.get('/api/admin/finance/report').query({ from: '2030-01', to: '2030-02' }).expect(401);
  });

  it('the backfill rebuilds the ledger of data written before the hooks, and a second run writes nothing', async () => {
    const dataSource = t.app.get(DataSource);
    const snapshot = async () =>
      (
        (await dataSource.query(
          'SELECT sourceKey, kind, occurredAt, orderId, outTradeNo, customerId, tierId, amountFen, serviceDays, channelTransactionId FROM ledger_entry ORDER BY sourceKey',
        )) as Record<string, unknown>[]
      )
        // a grant's time is when its term was written; the hook had the grant's own time
        .map(
          (row) =>
            ({ ...row, occurredAt: row.kind === 'GRANT' ? null : String(row.occurredAt) }) as Record<string, unknown>,
        );
    const before = await snapshot();
    expect(before.map((row) => row.kind)).toEqual(expect.arrayContaining(['PAYMENT', 'REFUND', 'GRANT']));
    await dataSource.query('DELETE FROM ledger_entry');
    const ledger = t.app.get(LedgerService);
    const first = await backfillLedger(dataSource, ledger, t.config.shopTimeZone);
    expect(first.written).toBe(before.length);
    expect(await snapshot()).toEqual(before);
    expect((await backfillLedger(dataSource, ledger, t.config.shopTimeZone)).written).toBe(0);
  });
});

describe('dashboard aggregates', () => {
  let t: TestApp;
  let year: FinanceYear;
  beforeAll(async () => {
    // A year of monthly sales ending this month, then the dashboard is read a week after the last refund.
    t = await startTestApp({ now: new Date('2030-06-05T02:00:00Z') });
    const annual = await shopFixtures(t).tier('DASH_ANNUAL', { priceFen: 100_000 });
    year = await financeYear(t, annual, { from: new Date('2029-07-05T02:00:00Z'), prefix: 'dash', refundFen: 20_000 });
  }, 180_000);
  afterAll(() => t.close());

  it('counts active members, renewals and expiries on the server and charts 12 months of membership revenue', async () => {
    const dashboard = (
      await t.http
        .get('/api/admin/dashboard')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as DashboardView;
    const members = (
      await t.http
        .get('/api/admin/members')
        .query({ status: 'ACTIVE', pageSize: 1 })
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(dashboard.activeMembers).toBe(members.total);
    expect(dashboard.revenueByMonth).toHaveLength(12);
    expect(dashboard.expiringIn30Days).toBeGreaterThanOrEqual(dashboard.expiringIn7Days);
    if (dashboard.renewalRate !== null)
      expect(dashboard.renewalRate).toBeCloseTo(dashboard.renewedThisMonth / dashboard.dueThisMonth);
    // Each month charts the fees billed in it less the refunds made in it.
    expect(dashboard.revenueByMonth.map(({ month, billedFen }) => [month, billedFen])).toEqual([
      ...year.netBilledByMonth.entries(),
    ]);
    await t.http
      .get('/api/admin/dashboard')
      .set(await t.staff('support'))
      .expect(403);
  });
});
