import type {
  AdminTierView,
  AuditLogView,
  CreateOrderResponse,
  Page,
  ReconciliationMismatch,
  ReconciliationStatement,
} from '@member-commerce/shared';
import { ReconciliationJob } from '../../src/finance/reconciliation/reconciliation.job';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { startTestApp, TestApp } from '../support/test-app';

/** Daily reconciliation against WeChat's trade bill, in dev mode from the simulator's own transactions. */
describe('finance: reconciliation against the WeChat trade bill', () => {
  let t: TestApp;
  let simulator: WechatSimulator;
  let tier: AdminTierView;
  const day = '2033-03-10';
  const paidAt = new Date('2033-03-10T02:00:00Z'); // 10:00 in Shanghai
  let settled: string;
  let unnotified: string;

  /** A membership order paid at WeChat; `notify` false: WeChat has it, our notify never arrived (the deliberate mismatch). */
  const buy = async (name: string, notify: boolean) => {
    const order = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: tier.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await simulator.confirmPayment(order.order.outTradeNo, paidAt);
    if (notify) {
      const notification = await simulator.buildTransactionNotification(order.order.outTradeNo);
      await t.http
        .post('/api/payments/wechat/notify')
        .set(notification.headers)
        .set('content-type', 'application/json')
        .send(notification.body)
        .expect(204);
    }
    return order.order.outTradeNo;
  };
  const statement = async (date: string) =>
    (
      await t.http
        .get('/api/admin/finance/reconciliation')
        .query({ date })
        .set(await t.staff('finance'))
        .expect(200)
    ).body as ReconciliationStatement;

  beforeAll(async () => {
    t = await startTestApp({ now: paidAt });
    simulator = t.app.get(WechatSimulator);
    const admin = await t.staff('admin');
    tier = (
      await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code: 'RECON', name: '对账测试卡', priceFen: 12_300, termDays: 30 })
        .expect(201)
    ).body;
    await t.http.patch(`/api/admin/tiers/${tier.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    settled = await buy('recon-amy', true);
    unnotified = await buy('recon-ben', false);
  });
  afterAll(() => t.close());

  it('a day with a payment our books never settled lists exactly that mismatch, and the rest as matched', async () => {
    const result = await statement(day);
    expect(result).toMatchObject({ date: day, totals: { wechatFen: 24_600, oursFen: 12_300 }, matched: 1 });
    expect(result.mismatches).toEqual([
      expect.objectContaining({
        kind: 'STATUS',
        outTradeNo: unnotified,
        wechatFen: 12_300,
        oursFen: 12_300,
        wechatStatus: 'SUCCESS',
        oursStatus: 'PENDING',
        reference: unnotified,
      }),
    ]);
    expect(result.mismatches[0].transactionId).toMatch(/^42/);
    expect(result.mismatches.some((mismatch) => mismatch.outTradeNo === settled)).toBe(false);
  });

  it('finance resolves a mismatch with a note; it shows resolved and the audit log has it', async () => {
    const finance = await t.staff('finance');
    const body = { date: day, kind: 'STATUS', reference: unnotified, note: '微信回调丢失，已人工补单' };
    const resolved = (
      await t.http.post('/api/admin/finance/reconciliation/resolutions').set(finance).send(body).expect(201)
    ).body as ReconciliationMismatch;
    expect(resolved).toMatchObject({ kind: 'STATUS', reference: unnotified, resolvedBy: 'finance', note: body.note });
    expect((await statement(day)).mismatches[0]).toMatchObject({ resolvedAt: expect.any(String), note: body.note });
    await t.http.post('/api/admin/finance/reconciliation/resolutions').set(finance).send(body).expect(409);
    const audit = (
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    expect(audit.items.some((entry) => entry.action === 'finance.reconciliation.resolve')).toBe(true);
  });

  it('resolving a mismatch the statement does not have is 404; bad or future dates are 400; operators are refused', async () => {
    const finance = await t.staff('finance');
    const res = await t.http
      .post('/api/admin/finance/reconciliation/resolutions')
      .set(finance)
      .send({ date: day, kind: 'AMOUNT', reference: settled, note: 'x' })
      .expect(404);
    expect(res.body.code).toBe('RECONCILIATION_MISMATCH_NOT_FOUND');
    for (const date of ['2033-02-30', 'yesterday', '2033-03-11']) {
      expect(
        (await t.http.get('/api/admin/finance/reconciliation').query({ date }).set(finance).expect(400)).body.code,
      ).toBe('INVALID_DATE_RANGE');
    }
    await t.http
      .post('/api/admin/finance/reconciliation/resolutions')
      .set(finance)
      .send({ date: day, kind: 'NOPE', reference: 'x', note: 'x' })
      .expect(400);
    await t.http
      .get('/api/admin/finance/reconciliation')
      .query({ date: day })
      .set(await t.staff('operator'))
      .expect(403);
  });

  it('the export lists the mismatch with its note and ends with both sides’ totals', async () => {
    const res = await t.http
      .get('/api/admin/finance/reconciliation/export')
      .query({ date: day, format: 'csv' })
      .set(await t.staff('finance'))
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = String(res.text)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(lines[0].slice(0, 3)).toEqual(['日期', '差异类型', '商户订单号']);
    expect(lines[1]).toEqual(expect.arrayContaining(['状态不符', unnotified, '123.00', '微信回调丢失，已人工补单']));
    expect(lines[2]).toEqual(expect.arrayContaining(['合计', '246.00', '123.00', '已匹配 1 笔']));
    const xlsx = await t.http
      .get('/api/admin/finance/reconciliation/export')
      .query({ date: day, format: 'xlsx' })
      .set(await t.staff('finance'))
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('the daily job stores the previous day once; the stored statement keeps its resolutions', async () => {
    t.clock.set(new Date('2033-03-11T04:00:00Z'));
    const job = t.app.get(ReconciliationJob);
    expect(await job.run()).toBe(true);
    expect(await job.run()).toBe(false);
    const stored = await statement(day);
    expect(stored.storedAt).toEqual(expect.any(String));
    expect(stored.mismatches).toEqual([
      expect.objectContaining({ kind: 'STATUS', reference: unnotified, note: '微信回调丢失，已人工补单' }),
    ]);
    expect(await statement('2033-03-11')).toMatchObject({
      totals: { wechatFen: 0, oursFen: 0 },
      matched: 0,
      mismatches: [],
    });
  });
});
