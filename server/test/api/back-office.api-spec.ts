import type {
  DashboardView,
  AddressView,
  AdminMemberRow,
  AdminProductView,
  AuditLogFacets,
  AuditLogView,
  BenefitView,
  CategoryView,
  CreateOrderResponse,
  ExtensionAllowanceView,
  Page,
  ProductSalesView,
  TierView,
} from '@member-commerce/shared';
import { DAY_MS } from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** A streamed file body, read whole. */
const asText = (res: { body: unknown }) => (res.body as Buffer).toString('utf8');

describe('back office: members, products, audit log, benefits', () => {
  let t: TestApp;
  let operator: { Authorization: string };
  let tiers: TierView[];
  let product: AdminProductView;

  const paid = async (res: CreateOrderResponse) => {
    await t.http.post(`/api/dev/wechat/pay/${res.order.outTradeNo}/confirm`).expect(201);
    return res;
  };
  const buyTier = async (name: string, tier: TierView) =>
    paid(
      (
        await t.http
          .post('/api/orders/membership')
          .set(await t.customer(name))
          .send({ tierId: tier.id, giftPackId: tier.giftPacks[0]?.id })
          .expect(201)
      ).body,
    );
  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    const body = {
      name: '张三',
      phone: '13800138000',
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      detail: '世纪大道 100 号',
    };
    return ((await t.http.post('/api/me/addresses').set(auth).send(body).expect(201)).body as AddressView).id;
  };
  const buyProduct = async (name: string, skuId: number, quantity: number) =>
    paid(
      (
        await t.http
          .post('/api/orders')
          .set(await t.customer(name))
          .send({ items: [{ skuId, quantity }], addressId: await addressOf(name) })
          .expect(201)
      ).body,
    );
  const members = async (query: Record<string, string | number>) =>
    (
      await t.http
        .get('/api/admin/members')
        .query({ pageSize: 100, ...query })
        .set(operator)
        .expect(200)
    ).body as Page<AdminMemberRow>;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.staff('operator');
    const shop = shopFixtures(t);
    await shop.tier('BO_ANNUAL', { priceFen: 100_000 });
    await shop.tier('BO_BLACK', { priceFen: 300_000 });
    tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    product = (
      await t.http
        .post('/api/admin/products')
        .set(operator)
        .send({
          title: '后台测试蜂蜜',
          category: '后台测试',
          description: '<p>好<script>x()</script></p>',
          skus: [{ code: 'BO-HONEY', name: '500g', listPriceFen: 10_000, stock: 100 }],
        })
        .expect(201)
    ).body as AdminProductView;
    await t.http
      .put(`/api/admin/skus/${product.skus[0].id}/member-prices`)
      .set(operator)
      .send({ prices: tiers.map((tier) => ({ tierId: tier.id, priceFen: 8_000 })) })
      .expect(200);
    await buyTier('bo-ann', tiers[0]);
    await buyProduct('bo-ann', product.skus[0].id, 3);
    await buyTier('bo-ben', tiers[tiers.length - 1]);
  });
  afterAll(() => t.close());

  describe('members', () => {
    it('lists spend and savings per member from paid product orders', async () => {
      const [ann] = (await members({ q: 'bo-ann' })).items;
      expect(ann).toMatchObject({ nickname: 'bo-ann', spendFen: 24_000, savingsFen: 6_000 });
      const [ben] = (await members({ q: 'bo-ben' })).items;
      expect(ben).toMatchObject({ spendFen: 0, savingsFen: 0 });
    });

    it('filters by tier, status and "expires within N days" on the server', async () => {
      const byTier = await members({ tierId: tiers[0].id });
      expect(byTier.items.every((m) => m.tier.id === tiers[0].id)).toBe(true);
      expect(byTier.items.map((m) => m.nickname)).toContain('bo-ann');
      expect(byTier.items.map((m) => m.nickname)).not.toContain('bo-ben');

      const [ann] = (await members({ q: 'bo-ann' })).items;
      const annEnds = new Date(ann.termEnd!).getTime();
      const within = async (days: number) =>
        (await members({ expiresWithinDays: days, q: 'bo-' })).items.map((m) => m.nickname);
      expect(await within(30)).toEqual([]);
      // Twenty days before bo-ann's end: she shows within 30 days, not within 10; revoked or expired never do.
      const saved = t.clock.now();
      t.clock.set(new Date(annEnds - 20 * DAY_MS));
      try {
        expect(await within(30)).toContain('bo-ann');
        expect(await within(10)).not.toContain('bo-ann');
        const soon = await members({ expiresWithinDays: 30 });
        const now = t.clock.now().getTime();
        expect(
          soon.items.every((m) => m.status === 'ACTIVE' && new Date(m.termEnd!).getTime() - now <= 30 * DAY_MS),
        ).toBe(true);
      } finally {
        t.clock.set(saved);
      }
      expect(
        (await t.http.get('/api/admin/members').query({ expiresWithinDays: -1 }).set(operator).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
    });

    it('exports the filtered members as a streamed CSV with BOM and amounts in yuan', async () => {
      const res = await t.http
        .get('/api/admin/members/export')
        .query({ q: 'bo-ann' })
        .set(operator)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const text = asText(res);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split(/\r?\n/);
      expect(lines[0]).toBe('会员编号,顾客编号,昵称,手机号,会员卡,状态,到期时间,剩余天数,历史总消费(元),累计节省(元)');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/,bo-ann,,.*,有效,.*,240\.00,60\.00$/);
      await t.http
        .get('/api/admin/members/export')
        .set(await t.staff('support'))
        .expect(403);
    });

    it('shows each role its extension cap before it extends', async () => {
      const [ann] = (await members({ q: 'bo-ann' })).items;
      const support = (
        await t.http
          .get(`/api/admin/members/${ann.membershipId}/extension-allowance`)
          .set(await t.staff('support'))
          .expect(200)
      ).body as ExtensionAllowanceView;
      expect(support).toEqual({
        limited: true,
        capDays: t.config.supportMaxExtensionDays,
        scope: 'PER_TERM',
        usedDays: 0,
        remainingDays: t.config.supportMaxExtensionDays,
      });
      await t.http
        .post(`/api/admin/members/${ann.membershipId}/extend`)
        .set(await t.staff('support'))
        .send({ days: 12, reason: '物流延误补偿' })
        .expect(201);
      const after = (
        await t.http
          .get(`/api/admin/members/${ann.membershipId}/extension-allowance`)
          .set(await t.staff('support'))
          .expect(200)
      ).body as ExtensionAllowanceView;
      expect(after).toMatchObject({ usedDays: 12, remainingDays: t.config.supportMaxExtensionDays - 12 });
      const op = (
        await t.http.get(`/api/admin/members/${ann.membershipId}/extension-allowance`).set(operator).expect(200)
      ).body as ExtensionAllowanceView;
      expect(op.limited).toBe(false);
      expect(
        (await t.http.get('/api/admin/members/999999/extension-allowance').set(operator).expect(404)).body.code,
      ).toBe('MEMBERSHIP_NOT_FOUND');
      await t.http
        .get(`/api/admin/members/${ann.membershipId}/extension-allowance`)
        .set(await t.staff('finance'))
        .expect(200);
    });
  });

  describe('products', () => {
    it('stores a sanitised rich-text description', async () => {
      expect(product.description).toBe('<p>好</p>');
      const updated = (
        await t.http
          .patch(`/api/admin/products/${product.id}`)
          .set(operator)
          .send({ description: '<h3>产地</h3><img src="javascript:x" onerror="x()">' })
          .expect(200)
      ).body as AdminProductView;
      expect(updated.description).toBe('<h3>产地</h3><img />');
    });

    it('lists categories in use with their product counts', async () => {
      const categories = (await t.http.get('/api/admin/products/categories').set(operator).expect(200))
        .body as CategoryView[];
      expect(categories).toContainEqual({ name: '后台测试', productCount: 1 });
    });

    it('reports units and amount sold per product', async () => {
      const sales = (
        await t.http
          .get('/api/admin/product-sales')
          .query({ productIds: `${product.id}` })
          .set(operator)
          .expect(200)
      ).body as ProductSalesView[];
      expect(sales).toEqual([{ productId: product.id, unitsSold: 3, salesFen: 24_000 }]);
      expect(
        (await t.http.get('/api/admin/product-sales').query({ productIds: 'a,b' }).set(operator).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
    });

    it("counts a product's sales one way: the dashboard and the products page agree, whoever bought it", async () => {
      const tea = (
        await t.http
          .post('/api/admin/products')
          .set(operator)
          .send({
            title: '后台测试红茶',
            category: '后台测试',
            skus: [{ code: 'BO-BLACK-TEA', name: '1 罐', listPriceFen: 90_000, stock: 50 }],
          })
          .expect(201)
      ).body as AdminProductView;
      // Dear enough to be among the top five of the dashboard whatever else the app holds.
      await buyProduct('bo-ann', tea.skus[0].id, 1); // a member
      await buyProduct('bo-guest', tea.skus[0].id, 2); // not a member: list price
      const [sales] = (
        await t.http
          .get('/api/admin/product-sales')
          .query({ productIds: `${tea.id}` })
          .set(operator)
          .expect(200)
      ).body as ProductSalesView[];
      const dashboard = (
        await t.http
          .get('/api/admin/dashboard')
          .set(await t.staff('admin'))
          .expect(200)
      ).body as DashboardView;
      const top = dashboard.topProducts.find((row) => row.productId === tea.id);
      expect(sales.unitsSold).toBe(3);
      expect(top).toMatchObject({ quantity: sales.unitsSold, salesFen: sales.salesFen });
    });

    it('puts products on and off sale in bulk, one audit row per product changed', async () => {
      const other = (
        await t.http
          .post('/api/admin/products')
          .set(operator)
          .send({
            title: '后台测试花茶',
            category: '后台测试',
            onSale: false,
            skus: [{ code: 'BO-TEA', name: '1 盒', listPriceFen: 5_000, stock: 10 }],
          })
          .expect(201)
      ).body as AdminProductView;
      const off = await t.http
        .post('/api/admin/products/on-sale')
        .set(operator)
        .send({ productIds: [product.id, other.id], onSale: false })
        .expect(200);
      expect(off.body).toEqual({ changed: 1, unchanged: 1 });
      const storefront = (await t.http.get('/api/products').expect(200)).body as
        | { title: string }[]
        | Page<{ title: string }>;
      expect((Array.isArray(storefront) ? storefront : storefront.items).map((p) => p.title)).not.toContain(
        '后台测试蜂蜜',
      );
      const log = (
        await t.http
          .get('/api/admin/audit-logs')
          .query({ action: 'product.off_sale' })
          .set(await t.staff('admin'))
          .expect(200)
      ).body as Page<AuditLogView>;
      expect(log.items.map((row) => row.entityId)).toEqual([String(product.id)]);
      expect(log.items[0]).toMatchObject({ before: { onSale: true }, after: { onSale: false } });

      await t.http
        .post('/api/admin/products/on-sale')
        .set(operator)
        .send({ productIds: [product.id, other.id], onSale: true })
        .expect(200);
      expect(
        (
          await t.http
            .post('/api/admin/products/on-sale')
            .set(operator)
            .send({ productIds: [999999], onSale: true })
            .expect(404)
        ).body.code,
      ).toBe('PRODUCT_NOT_FOUND');
      await t.http
        .post('/api/admin/products/on-sale')
        .set(await t.staff('finance'))
        .send({ productIds: [product.id], onSale: false })
        .expect(403);
    });
  });

  describe('audit log', () => {
    it('filters by staff, action, target and shop day on the server', async () => {
      const admin = await t.staff('admin');
      const byTarget = (
        await t.http
          .get('/api/admin/audit-logs')
          .query({ entity: 'product', entityId: String(product.id) })
          .set(admin)
          .expect(200)
      ).body as Page<AuditLogView>;
      expect(byTarget.total).toBeGreaterThanOrEqual(3);
      expect(byTarget.items.every((row) => row.entity === 'product' && row.entityId === String(product.id))).toBe(true);

      const byStaff = (
        await t.http
          .get('/api/admin/audit-logs')
          .query({ staffUsername: 'operator', pageSize: 100 })
          .set(admin)
          .expect(200)
      ).body as Page<AuditLogView>;
      expect(byStaff.items.every((row) => row.staffUsername === 'operator')).toBe(true);

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.shopTimeZone }).format(new Date());
      const todays = (
        await t.http.get('/api/admin/audit-logs').query({ from: today, to: today }).set(admin).expect(200)
      ).body as Page<AuditLogView>;
      expect(todays.total).toBeGreaterThan(0);
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: t.config.shopTimeZone }).format(
        new Date(Date.now() + DAY_MS),
      );
      expect(
        (
          (await t.http.get('/api/admin/audit-logs').query({ from: tomorrow }).set(admin).expect(200))
            .body as Page<AuditLogView>
        ).total,
      ).toBe(0);
      expect(
        (await t.http.get('/api/admin/audit-logs').query({ from: '2026-13-01' }).set(admin).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
      expect(
        (await t.http.get('/api/admin/audit-logs').query({ from: tomorrow, to: today }).set(admin).expect(400)).body
          .code,
      ).toBe('VALIDATION_FAILED');
    });

    it('offers the staff, actions and targets seen as filter values', async () => {
      const facets = (
        await t.http
          .get('/api/admin/audit-logs/facets')
          .set(await t.staff('admin'))
          .expect(200)
      ).body as AuditLogFacets;
      expect(facets.staffUsernames).toContain('operator');
      expect(facets.actions).toEqual(expect.arrayContaining(['product.create', 'product.off_sale']));
      expect(facets.entities).toContain('product');
    });
  });

  describe('benefits', () => {
    const create = (body: object) =>
      t.http
        .post('/api/admin/benefits')
        .set(operator)
        .send({ title: '测试权益', ...body });

    it("checks each type's config: priority hours, coupon amounts, service contact", async () => {
      const priority = (await create({ type: 'PRIORITY_ACCESS', config: { hours: 24 } }).expect(201))
        .body as BenefitView;
      expect(priority.config).toEqual({ hours: 24 });
      const coupon = { amountFen: 5_000, thresholdFen: 30_000, validDays: 30, perMonth: true, quantity: 1 };
      expect(((await create({ type: 'COUPON', config: coupon }).expect(201)).body as BenefitView).config).toEqual(
        coupon,
      );
      expect(
        ((await create({ type: 'SERVICE', config: { wechatId: 'vip' } }).expect(201)).body as BenefitView).config,
      ).toEqual({ wechatId: 'vip' });
      expect(((await create({ type: 'FREE_SHIPPING' }).expect(201)).body as BenefitView).config).toBeUndefined();

      for (const bad of [
        { type: 'PRIORITY_ACCESS', config: { hours: 0 } },
        { type: 'PRIORITY_ACCESS', config: {} },
        { type: 'COUPON', config: { ...coupon, amountFen: 12.5 } },
        { type: 'COUPON', config: { ...coupon, valueFen: 1 } },
        { type: 'SERVICE', config: {} },
        { type: 'MEMBER_PRICE', config: { hours: 1 } },
      ]) {
        const res = await create(bad).expect(400);
        expect(res.body.code).toBe('INVALID_BENEFIT_CONFIG');
      }
    });

    it('a change of type re-checks the stored config', async () => {
      const benefit = (await create({ type: 'PRIORITY_ACCESS', config: { hours: 12 } }).expect(201))
        .body as BenefitView;
      expect(
        (await t.http.patch(`/api/admin/benefits/${benefit.id}`).set(operator).send({ type: 'COUPON' }).expect(400))
          .body.code,
      ).toBe('INVALID_BENEFIT_CONFIG');
      const changed = (
        await t.http
          .patch(`/api/admin/benefits/${benefit.id}`)
          .set(operator)
          .send({ type: 'SERVICE', config: { phone: '400-800-1234' } })
          .expect(200)
      ).body as BenefitView;
      expect(changed).toMatchObject({ type: 'SERVICE', config: { phone: '400-800-1234' } });
    });
  });
});
