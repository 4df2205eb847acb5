import ExcelJS from 'exceljs';
import type { AuditLogView, CreateOrderResponse, Page } from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

/** Cells a spreadsheet would run as a formula (OWASP CSV injection), as a customer or staff member could type them. */
const NICKNAME = '=HYPERLINK("http://evil.example","点我")';
const ADDRESS_DETAIL = "+cmd|' /C calc'!A0";
const RECEIVER = '@SUM(1+1)';
const TIER_NAME = '-2+3 年卡';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const RANGE = `from=${day(-2)}&to=${day(2)}`;

const csvText = (res: { body: unknown; text?: string }) =>
  Buffer.isBuffer(res.body) ? res.body.toString('utf8') : String(res.text);
const binary = (
  res: { on: (event: string, listener: (chunk?: Buffer) => void) => void },
  done: (error: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('exports of customer data are safe to open and audited; responses are not sniffed or framed', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let admin: Record<string, string>;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    admin = await t.staff('admin');
    const tier = await t.http
      .post('/api/admin/tiers')
      .set(admin)
      .send({ code: 'CSV-TIER', name: TIER_NAME, priceFen: 10_000, termMonths: 12 })
      .expect(201);
    await t.http.patch(`/api/admin/tiers/${tier.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    const login = await t.http
      .post('/api/auth/wechat-login')
      .send({ code: `dev:${NICKNAME}` })
      .expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    await t.http
      .post('/api/me/addresses')
      .set(auth)
      .send({
        name: RECEIVER,
        phone: '13800138000',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: ADDRESS_DETAIL,
        isDefault: true,
      })
      .expect(201);
    const bought = await t.http.post('/api/orders/membership').set(auth).send({ tierId: tier.body.id }).expect(201);
    expect(await pay.confirm((bought.body as CreateOrderResponse).order.outTradeNo)).toBe(204);
    const product = await t.http
      .post('/api/admin/products')
      .set(admin)
      .send({
        title: '=1+1 茶',
        category: '测试',
        onSale: true,
        skus: [{ code: 'CSV-SKU', name: '罐装', listPriceFen: 5_000, stock: 10 }],
      })
      .expect(201);
    const addresses = await t.http.get('/api/me/addresses').set(auth).expect(200);
    await t.http
      .post('/api/orders')
      .set(auth)
      .send({ items: [{ skuId: product.body.skus[0].id, quantity: 1 }], addressId: addresses.body[0].id })
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const expectNeutralised = (text: string, ...values: string[]) => {
    for (const value of values) {
      expect(text).toContain(`'${value.replace(/"/g, '""')}`);
      expect(text).not.toMatch(
        new RegExp(`(^|,|")${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""')}`, 'm'),
      );
    }
  };

  it('customer text starting with = + - @ is neutralised in the orders and members CSV', async () => {
    const orders = csvText(await t.http.get('/api/admin/orders/export').set(admin).buffer(true).expect(200));
    expectNeutralised(orders, NICKNAME, RECEIVER, '=1+1 茶 罐装×1', TIER_NAME);
    const members = csvText(await t.http.get('/api/admin/members/export').set(admin).buffer(true).expect(200));
    expectNeutralised(members, NICKNAME, TIER_NAME);
  });

  it('text cells of the finance ledger are neutralised in CSV and XLSX; amounts stay numbers', async () => {
    const csv = csvText(
      await t.http
        .get(`/api/admin/finance/export?${RANGE}&format=csv&report=ledger`)
        .set(admin)
        .buffer(true)
        .expect(200),
    );
    expectNeutralised(csv, TIER_NAME);
    expect(csv).toMatch(/,100\.00,10000,/);
    const xlsx = await t.http
      .get(`/api/admin/finance/export?${RANGE}&format=xlsx&report=ledger`)
      .set(admin)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((value) => typeof value === 'string') as string[];
    expect(values).toContain(`'${TIER_NAME}`);
    expect(values).not.toContain(TIER_NAME);
  });

  it('every download of customer data (orders, members, finance) writes an audit row', async () => {
    const before = (await t.http.get('/api/admin/audit-logs?pageSize=100').set(admin).expect(200))
      .body as Page<AuditLogView>;
    await t.http.get('/api/admin/orders/export?status=PAID').set(admin).buffer(true).expect(200);
    await t.http.get('/api/admin/members/export').set(admin).buffer(true).expect(200);
    await t.http.get(`/api/admin/finance/export?${RANGE}&format=csv`).set(admin).buffer(true).expect(200);
    const after = (await t.http.get('/api/admin/audit-logs?pageSize=100').set(admin).expect(200))
      .body as Page<AuditLogView>;
    const added = after.items.filter((row) => !before.items.some((old) => old.id === row.id));
    expect(added.map((row) => row.action).sort()).toEqual(['finance.download', 'members.download', 'orders.download']);
    expect(added.find((row) => row.action === 'orders.download')).toMatchObject({
      staffUsername: 'admin',
      after: expect.objectContaining({ status: 'PAID' }),
    });
  });

  it('every response says nosniff, and the admin app may not be framed', async () => {
    for (const path of ['/api/health', '/api/tiers', '/api/nope', '/h5/', '/admin/']) {
      const res = await t.http.get(path);
      expect({ path, nosniff: res.headers['x-content-type-options'] }).toEqual({ path, nosniff: 'nosniff' });
    }
    const adminApp = await t.http.get('/admin/');
    expect(adminApp.headers['x-frame-options']).toBe('DENY');
    expect(adminApp.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
