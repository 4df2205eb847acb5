import type { ApiErrorBody } from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

type Method = 'post' | 'patch' | 'put' | 'delete';
type Who = 'admin' | 'customer' | 'anonymous';

/** Every write route, with the caller allowed to use it. */
const WRITE_ROUTES: [Method, string, Who][] = [
  ['post', '/api/auth/wechat-login', 'anonymous'],
  ['post', '/api/admin/auth/login', 'anonymous'],
  ['post', '/api/admin/staff', 'admin'],
  ['post', '/api/admin/tiers', 'admin'],
  ['patch', '/api/admin/tiers/1', 'admin'],
  ['post', '/api/admin/benefits', 'admin'],
  ['patch', '/api/admin/benefits/1', 'admin'],
  ['post', '/api/admin/gift-packs', 'admin'],
  ['patch', '/api/admin/gift-packs/1', 'admin'],
  ['post', '/api/admin/milestones', 'admin'],
  ['patch', '/api/admin/milestones/1', 'admin'],
  ['post', '/api/admin/products', 'admin'],
  ['patch', '/api/admin/products/1', 'admin'],
  ['post', '/api/admin/products/1/skus', 'admin'],
  ['patch', '/api/admin/skus/1', 'admin'],
  ['put', '/api/admin/skus/1/member-prices', 'admin'],
  ['post', '/api/admin/members/1/extend', 'admin'],
  ['post', '/api/admin/members/1/revoke', 'admin'],
  ['post', '/api/me/addresses', 'customer'],
  ['patch', '/api/me/addresses/1', 'customer'],
];

/** Every field name any write route knows, with a value of the wrong type. */
const WRONG_TYPES = Object.fromEntries(
  [
    'code',
    'name',
    'description',
    'priceFen',
    'termMonths',
    'termDays',
    'image',
    'sortOrder',
    'defaultDiscountBp',
    'giftPackChoices',
    'benefitIds',
    'giftPackIds',
    'status',
    'type',
    'title',
    'icon',
    'config',
    'valueFen',
    'stock',
    'items',
    'thresholdFen',
    'giftPackId',
    'subtitle',
    'category',
    'images',
    'onSale',
    'publicFrom',
    'skus',
    'listPriceFen',
    'prices',
    'days',
    'reason',
    'username',
    'password',
    'role',
    'phone',
    'province',
    'city',
    'district',
    'detail',
    'isDefault',
    'tierId',
    'amountFen',
    'templateIds',
    'autoRenewPriceFen',
  ].map((field, i) => [field, i % 2 ? { nested: 'object' } : 3.5]),
);

/** The same fields with values of the right type but out of range or malformed. */
const OUT_OF_RANGE = {
  code: 'lower case!',
  name: '',
  description: 'x'.repeat(6000),
  priceFen: -1,
  termMonths: 0,
  termDays: -3,
  image: 'x'.repeat(600),
  sortOrder: -1,
  defaultDiscountBp: 20000,
  giftPackChoices: 99,
  benefitIds: ['a'],
  giftPackIds: [1.5],
  status: 'NOPE',
  type: 'NOPE',
  title: '',
  icon: '',
  config: 'str',
  valueFen: -5,
  stock: -1,
  items: [{ skuId: 'a', quantity: 0 }],
  thresholdFen: -1,
  giftPackId: 'x',
  subtitle: 'x'.repeat(300),
  category: '',
  images: 'one',
  onSale: 'yes',
  publicFrom: 'yesterday',
  skus: [],
  listPriceFen: 0,
  prices: [{ tierId: 'a', priceFen: -1 }],
  days: 0,
  reason: '',
  username: 'A',
  password: 'short',
  role: 'root',
  phone: '123',
  province: '',
  city: '',
  district: '',
  detail: '',
  isDefault: 'no',
  tierId: -1,
  amountFen: 0,
  templateIds: 'x',
  autoRenewPriceFen: 0,
};

/** Bodies no write route accepts as a change. */
const BAD_BODIES: unknown[] = [WRONG_TYPES, OUT_OF_RANGE, [1, 2, 3], 'just a string', 42];

describe('bad input never causes a 500 or a partial write', () => {
  let t: TestApp;
  let auth: Record<Who, Record<string, string>>;
  /** Audit rows written by the setup (a tier and its member), before any bad request. */
  let auditedBySetup: number;
  beforeAll(async () => {
    t = await startTestApp();
    const f = shopFixtures(t);
    const tier = await f.tier('BI-ANNUAL');
    const member = await f.member('bi-member', tier.id);
    auth = { admin: await t.staff('admin'), customer: member.auth, anonymous: {} };
    auditedBySetup = ((await t.http.get('/api/admin/audit-logs').set(auth.admin).expect(200)).body as { total: number })
      .total;
  }, 120_000);
  afterAll(() => t.close());

  const expectClientError = (status: number, body: ApiErrorBody, label: string) => {
    if (status < 400 || status >= 500) throw new Error(`${label} answered ${status}: ${JSON.stringify(body)}`);
    expect(body).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String) });
  };

  it.each(WRITE_ROUTES)('%s %s rejects malformed bodies with a 4xx and a code', async (method, path, who) => {
    for (const body of BAD_BODIES) {
      const res = await t.http[method](path)
        .set(auth[who])
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));
      expectClientError(res.status, res.body, `${method.toUpperCase()} ${path} ${JSON.stringify(body).slice(0, 60)}`);
    }
  });

  it.each(WRITE_ROUTES)('%s %s rejects invalid JSON with a 4xx and a code', async (method, path, who) => {
    const res = await t.http[method](path).set(auth[who]).set('content-type', 'application/json').send('{"broken": ');
    expectClientError(res.status, res.body, `${method.toUpperCase()} ${path} broken JSON`);
  });

  it('a field given as an object with a constructor key is a 400 with a code, on the login routes too', async () => {
    const customerLogin = await t.http
      .post('/api/auth/wechat-login')
      .send({ code: { constructor: 'x' } })
      .expect(400);
    expect(customerLogin.body.code).toBe('VALIDATION_FAILED');
    const staffLogin = await t.http
      .post('/api/admin/auth/login')
      .send({ username: 'admin', password: { constructor: { name: 'x' } } })
      .expect(400);
    expect(staffLogin.body.code).toBe('VALIDATION_FAILED');
    const nested = await t.http
      .post('/api/admin/tiers')
      .set(auth.admin)
      .send({ code: 'CTOR', name: 'x', priceFen: 100, termMonths: 12, benefitIds: [{ constructor: 1 }] })
      .expect(400);
    expect(nested.body.code).toBe('VALIDATION_FAILED');
  });

  it('reminder-rule template fields must all be text', async () => {
    const rule = { name: '到期前3天', offsetDays: -3, page: 'pages/membership/index' };
    for (const fields of [{ thing1: 5 }, { thing1: { a: 'b' } }, { thing1: ['x'] }, { thing1: null }]) {
      const res = await t.http
        .post('/api/admin/reminders/rules')
        .set(auth.admin)
        .send({ ...rule, fields });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('a non-numeric id is a 400', async () => {
    const res = await t.http.get('/api/admin/tiers/abc').set(auth.admin).expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('a body that is not JSON (XML, a form) is a 415', async () => {
    const xml = await t.http
      .post('/api/admin/tiers')
      .set(auth.admin)
      .set('content-type', 'application/xml')
      .send('<tier/>')
      .expect(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = await t.http
      .patch('/api/admin/tiers/1')
      .set(auth.admin)
      .type('form')
      .send({ status: 'ARCHIVED' })
      .expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an oversized body is a 413', async () => {
    const res = await t.http
      .post('/api/admin/tiers')
      .set(auth.admin)
      .send({ name: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown routes are a 404 in the error shape', async () => {
    const res = await t.http.get('/api/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('rejected writes left nothing behind', async () => {
    const tiers = (await t.http.get('/api/admin/tiers').set(auth.admin).expect(200)).body as { code: string }[];
    expect(tiers.map((tier) => tier.code).sort()).toEqual(['BI-ANNUAL']);
    const log = (await t.http.get('/api/admin/audit-logs').set(auth.admin).expect(200)).body as { total: number };
    expect(log.total).toBe(auditedBySetup);
  });
});
