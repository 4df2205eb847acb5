import type {
  AdminProductView,
  AdminTierView,
  AuditLogView,
  GiftPackView,
  MilestoneView,
  Page,
  ProductView,
  TierView,
} from '@member-commerce/shared';
import { shopFixtures, type ShopFixtures, type TierFixture } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('staff administration', () => {
  let t: TestApp;
  let shop: ShopFixtures;
  /** A tier on sale before any test runs: 10% off whatever has no member price. */
  let annual: TierFixture;
  beforeAll(async () => {
    t = await startTestApp();
    shop = shopFixtures(t);
    annual = await shop.tier('SA_ANNUAL', { defaultDiscountBp: 1_000 });
  });
  afterAll(() => t.close());

  const validTier = { code: 'HALF', name: '半年卡', priceFen: 59_900, termMonths: 6 };

  describe('access', () => {
    it('a wrong password is refused with INVALID_CREDENTIALS', async () => {
      const res = await t.http.post('/api/admin/auth/login').send({ username: 'admin', password: 'nope' }).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
    });

    it('staff routes need a staff token', async () => {
      expect((await t.http.get('/api/admin/tiers').expect(401)).body.code).toBe('UNAUTHENTICATED');
      const customer = await t.customer('sa-customer');
      expect((await t.http.get('/api/admin/tiers').set(customer).expect(403)).body.code).toBe('FORBIDDEN');
      expect(
        (await t.http.get('/api/admin/tiers').set({ Authorization: 'Bearer garbage' }).expect(401)).body.code,
      ).toBe('UNAUTHENTICATED');
    });

    it('a staff token is not a customer token', async () => {
      await t.http
        .get('/api/me/membership')
        .set(await t.staff('admin'))
        .expect(401);
    });

    it('an operator cannot manage staff accounts', async () => {
      const operator = await t.staff('operator');
      await t.http.get('/api/admin/staff').set(operator).expect(403);
      await t.http
        .post('/api/admin/staff')
        .set(operator)
        .send({ username: 'eve', password: 'password1', role: 'admin' })
        .expect(403);
    });

    it('finance and support cannot change tiers', async () => {
      for (const role of ['finance', 'support'] as const) {
        await t.http
          .post('/api/admin/tiers')
          .set(await t.staff(role))
          .send(validTier)
          .expect(403);
      }
    });

    it('finance reads everything, support only what its role lists', async () => {
      const finance = await t.staff('finance');
      for (const path of [
        '/api/admin/tiers',
        '/api/admin/products',
        '/api/admin/gift-packs',
        '/api/admin/milestones',
        '/api/admin/benefits',
        '/api/admin/members',
        '/api/admin/orders',
      ]) {
        await t.http.get(path).set(finance).expect(200);
      }
      await t.http
        .get('/api/admin/tiers')
        .set(await t.staff('support'))
        .expect(403);
      await t.http
        .get('/api/admin/members')
        .set(await t.staff('support'))
        .expect(200);
    });

    it('an admin creates staff accounts; usernames are unique', async () => {
      const admin = await t.staff('admin');
      const created = await t.http
        .post('/api/admin/staff')
        .set(admin)
        .send({ username: 'alice', password: 'password1', role: 'support' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        username: 'alice',
        role: 'support',
        active: true,
        mustChangePassword: false,
      });
      expect(created.body).not.toHaveProperty('passwordHash');
      const dup = await t.http
        .post('/api/admin/staff')
        .set(admin)
        .send({ username: 'alice', password: 'password1', role: 'support' })
        .expect(409);
      expect(dup.body.code).toBe('STAFF_USERNAME_TAKEN');
      await t.http.post('/api/admin/auth/login').send({ username: 'alice', password: 'password1' }).expect(200);
    });
  });

  describe('tiers', () => {
    it('a tier price of 0 or less is refused with INVALID_PRICE', async () => {
      const admin = await t.staff('admin');
      for (const priceFen of [0, -100]) {
        const res = await t.http
          .post('/api/admin/tiers')
          .set(admin)
          .send({ ...validTier, priceFen })
          .expect(400);
        expect(res.body.code).toBe('INVALID_PRICE');
      }
    });

    it('a term of 0, or both months and days, is refused with INVALID_TERM', async () => {
      const admin = await t.staff('admin');
      expect(
        (
          await t.http
            .post('/api/admin/tiers')
            .set(admin)
            .send({ ...validTier, termMonths: 0 })
            .expect(400)
        ).body.code,
      ).toBe('INVALID_TERM');
      expect(
        (
          await t.http
            .post('/api/admin/tiers')
            .set(admin)
            .send({ ...validTier, termDays: 30 })
            .expect(400)
        ).body.code,
      ).toBe('INVALID_TERM');
      const { termMonths: _months, ...noTerm } = validTier;
      expect((await t.http.post('/api/admin/tiers').set(admin).send(noTerm).expect(400)).body.code).toBe(
        'INVALID_TERM',
      );
    });

    it('a new tier starts as a draft and sells only once active, never after archiving', async () => {
      const operator = await t.staff('operator');
      const created = (await t.http.post('/api/admin/tiers').set(operator).send(validTier).expect(201))
        .body as AdminTierView;
      expect(created.status).toBe('DRAFT');
      const onSale = async () =>
        ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).map((tier) => tier.code);
      expect(await onSale()).not.toContain('HALF');
      await t.http.patch(`/api/admin/tiers/${created.id}`).set(operator).send({ status: 'ACTIVE' }).expect(200);
      expect(await onSale()).toContain('HALF');
      await t.http.patch(`/api/admin/tiers/${created.id}`).set(operator).send({ status: 'ARCHIVED' }).expect(200);
      expect(await onSale()).not.toContain('HALF');
      const back = await t.http
        .patch(`/api/admin/tiers/${created.id}`)
        .set(operator)
        .send({ status: 'ACTIVE' })
        .expect(409);
      expect(back.body.code).toBe('INVALID_TIER_TRANSITION');
    });

    it('tier codes are unique', async () => {
      const res = await t.http
        .post('/api/admin/tiers')
        .set(await t.staff('admin'))
        .send({ ...validTier, code: annual.code })
        .expect(409);
      expect(res.body.code).toBe('TIER_CODE_TAKEN');
    });

    it('editing a tier does not change what a current member bought', async () => {
      const chocolateFen = 8_900;
      const chocolate = await shop.product('SA-CHOCO', chocolateFen);
      const member = await shop.member('sa-member', annual.id);
      await t.http
        .patch(`/api/admin/tiers/${annual.id}`)
        .set(await t.staff('admin'))
        .send({ defaultDiscountBp: 5000, name: '年卡会员 2027' })
        .expect(200);
      const products = (
        (await t.http.get('/api/products?pageSize=100').set(member.auth).expect(200)).body as Page<ProductView>
      ).items;
      const sku = products.flatMap((p) => p.skus).find((s) => s.id === chocolate.skuId)!;
      expect(sku.priceFen).toBe((chocolateFen * 9) / 10); // still the 10 % the term was bought with
      const me = (await t.http.get('/api/me/membership').set(member.auth).expect(200)).body;
      expect(me.tier.name).toBe(annual.name);
    });
  });

  describe('catalog', () => {
    it('creates a product with SKUs and sets a member price list', async () => {
      const operator = await t.staff('operator');
      const product = (
        await t.http
          .post('/api/admin/products')
          .set(operator)
          .send({
            title: '测试商品',
            category: '测试',
            skus: [{ code: 'TEST-1', name: '标准', listPriceFen: 10000, stock: 5 }],
          })
          .expect(201)
      ).body as AdminProductView;
      const skuId = product.skus[0].id;
      const priced = (
        await t.http
          .put(`/api/admin/skus/${skuId}/member-prices`)
          .set(operator)
          .send({ prices: [{ tierId: annual.id, priceFen: 8800 }] })
          .expect(200)
      ).body as AdminProductView;
      expect(priced.skus[0].memberPrices).toEqual([{ tierId: annual.id, priceFen: 8800 }]);
    });

    it('a member price above the list price is refused with MEMBER_PRICE_ABOVE_LIST', async () => {
      const operator = await t.staff('operator');
      const page = (await t.http.get('/api/admin/products').query({ q: '测试商品' }).set(operator).expect(200))
        .body as Page<AdminProductView>;
      const res = await t.http
        .put(`/api/admin/skus/${page.items[0].skus[0].id}/member-prices`)
        .set(operator)
        .send({ prices: [{ tierId: annual.id, priceFen: 10001 }] })
        .expect(400);
      expect(res.body.code).toBe('MEMBER_PRICE_ABOVE_LIST');
    });

    it('a product needs at least one SKU with a positive list price', async () => {
      const operator = await t.staff('operator');
      expect(
        (
          await t.http
            .post('/api/admin/products')
            .set(operator)
            .send({ title: 'x', category: 'y', skus: [] })
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      const res = await t.http
        .post('/api/admin/products')
        .set(operator)
        .send({ title: 'x', category: 'y', skus: [{ code: 'X1', name: 'x', listPriceFen: 0, stock: 1 }] })
        .expect(400);
      expect(res.body.code).toBe('INVALID_PRICE');
    });

    it('gift packs bundle existing SKUs', async () => {
      const operator = await t.staff('operator');
      const { skuId } = await shop.product('SA-PACKED', 3_000);
      const created = (
        await t.http
          .post('/api/admin/gift-packs')
          .set(operator)
          .send({ name: '测试礼包', valueFen: 5000, stock: 3, items: [{ skuId, quantity: 2 }] })
          .expect(201)
      ).body as GiftPackView;
      expect(created.items).toEqual([expect.objectContaining({ skuId, quantity: 2 })]);
      const missing = await t.http
        .post('/api/admin/gift-packs')
        .set(operator)
        .send({ name: '坏礼包', valueFen: 5000, stock: 3, items: [{ skuId: 999999, quantity: 1 }] })
        .expect(400);
      expect(missing.body.code).toBe('SKU_NOT_FOUND');
    });

    it('milestones are unique per threshold', async () => {
      const operator = await t.staff('operator');
      const fiveThousandYuan = 500_000;
      await shop.milestone(fiveThousandYuan, '五千元礼');
      const list = (await t.http.get('/api/admin/milestones').set(operator).expect(200)).body as MilestoneView[];
      expect(list.map((m) => m.thresholdFen)).toEqual([fiveThousandYuan]);
      const dup = await t.http
        .post('/api/admin/milestones')
        .set(operator)
        .send({ thresholdFen: fiveThousandYuan, title: '重复' })
        .expect(409);
      expect(dup.body.code).toBe('MILESTONE_THRESHOLD_TAKEN');
    });

    it('every staff write lands in the audit log', async () => {
      const log = (
        await t.http
          .get('/api/admin/audit-logs')
          .query({ pageSize: 100 })
          .set(await t.staff('admin'))
          .expect(200)
      ).body as Page<AuditLogView>;
      const actions = log.items.map((entry) => entry.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'staff.create',
          'tier.create',
          'tier.active',
          'tier.archived',
          'tier.update',
          'product.create',
          'sku.member_prices',
          'gift_pack.create',
        ]),
      );
      // The one milestone made is audited; the refused duplicate is not.
      expect(actions.filter((action) => action === 'milestone.create')).toHaveLength(1);
    });
  });
});
