import type { AdminProductView, BenefitView, CategoryView, Page, ProductView, TierView } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600 * 1000;

describe('catalog (storefront)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Query = Record<string, string | number>;
  const page = async (query: Query = {}, auth?: { Authorization: string }) => {
    const req = t.http.get('/api/products').query(query);
    if (auth) req.set(auth);
    return (await req.expect(200)).body as Page<ProductView>;
  };
  const products = async (auth?: { Authorization: string }) => (await page({ pageSize: 100 }, auth)).items;
  const titles = async (query: Query, auth?: { Authorization: string }) =>
    (await page({ pageSize: 100, ...query }, auth)).items.map((p) => p.title);
  const sku = (list: ProductView[], code: string) => list.flatMap((p) => p.skus).find((s) => s.code === code)!;
  const createProduct = async (title: string, subtitle: string, code: string, extra: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/admin/products')
        .set(await t.staff('operator'))
        .send({
          title,
          subtitle,
          category: '测试专区',
          skus: [{ code, name: '标准装', listPriceFen: 10_000, stock: 5 }],
          ...extra,
        })
        .expect(201)
    ).body as AdminProductView;

  it('health reports the database up', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', db: 'up' });
  });

  it('lists only active tiers, with benefits and welcome gift packs', async () => {
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    expect(tiers.map((tier) => tier.code)).toEqual(['ANNUAL', 'BLACK']);
    const annual = tiers[0];
    expect(annual).toMatchObject({ priceFen: 100_000, termMonths: 12 });
    expect(annual.benefits.map((b) => b.type)).toContain('MEMBER_PRICE');
    expect(annual.benefits.find((b) => b.type === 'PRIORITY_ACCESS')?.config).toEqual({ hours: 48 });
    expect(annual.giftPacks).toHaveLength(3);
    expect(annual.giftPacks.every((pack) => pack.valueFen > 0 && pack.inStock)).toBe(true);
  });

  it('the list is paged: 20 by default, pages do not overlap and together hold every visible product once', async () => {
    const first = await page();
    expect(first).toMatchObject({ page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    const rest = await page({ page: 2, pageSize: 20 });
    const all = await page({ pageSize: 100 });
    expect(first.total).toBe(all.items.length);
    expect(rest.total).toBe(first.total);
    expect([...first.items, ...rest.items].map((p) => p.id)).toEqual(all.items.map((p) => p.id));
    expect((await page({ page: 99 })).items).toEqual([]);
  });

  it('pageSize above 100, page 0 or a non-number is a 400 VALIDATION_FAILED', async () => {
    for (const query of [{ pageSize: 101 }, { page: 0 }, { pageSize: 'ten' }]) {
      expect((await t.http.get('/api/products').query(query).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('anonymous callers pay list price and see the member price as an upsell', async () => {
    const rice = sku(await products(), 'RICE-5KG');
    expect(rice).toMatchObject({ listPriceFen: 9800, memberPriceFen: 7900, priceFen: 9800 });
  });

  it('an active member pays the price from their tier price list', async () => {
    const rice = sku(await products(await t.customer('demo-member')), 'RICE-5KG');
    expect(rice).toMatchObject({ listPriceFen: 9800, memberPriceFen: 7900, priceFen: 7900 });
  });

  it('without a price-list entry a member gets the tier default discount', async () => {
    const chocolate = sku(await products(await t.customer('demo-member')), 'CHOCO-72');
    expect(chocolate).toMatchObject({ listPriceFen: 8900, priceFen: 8010 });
  });

  it('expired and revoked members pay list price', async () => {
    for (const name of ['li-hua', 'zhao-min']) {
      expect(sku(await products(await t.customer(name)), 'RICE-5KG').priceFen).toBe(9800);
    }
  });

  it('q finds products by any part of a Chinese or English title or subtitle, case- and width-insensitively', async () => {
    await createProduct('北海道冰淇淋蛋糕', 'Hokkaido Milk Ice-Cream Cake', 'SEARCH-CAKE');
    await createProduct('抹茶大福', '100% Uji matcha, soft mochi', 'SEARCH-MOCHI');
    for (const q of ['冰淇淋', '淇淋蛋', '淋', 'hokkaido', 'ICE-CREAM', 'ｍｉｌｋ', 'milk cake', 'do mi']) {
      expect(await titles({ q })).toEqual(['北海道冰淇淋蛋糕']);
    }
    expect(await titles({ q: 'Uji' })).toEqual(['抹茶大福']);
    expect(await titles({ q: '100%' })).toEqual(['抹茶大福']);
    expect(await titles({ q: 'mochi 抹茶' })).toEqual(['抹茶大福']);
    // "cea": both pairs are indexed (ICE, CrEAm) but never as one substring; "mi_k": "_" is no wildcard.
    for (const q of ['cea', '蛋糕冰', 'cake milk ice-creamy', '0%%', 'mi_k']) expect(await titles({ q })).toEqual([]);
    expect((await page({ q: '冰淇淋' })).total).toBe(1);
  });

  it('q combines with category and paging; total counts the whole match', async () => {
    await createProduct('测试苹果汁 A', 'apple juice', 'SEARCH-APPLE-A');
    await createProduct('测试苹果汁 B', 'apple juice', 'SEARCH-APPLE-B');
    await createProduct('测试苹果汁 C', 'apple juice', 'SEARCH-APPLE-C');
    const first = await page({ q: '苹果汁', category: '测试专区', pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect((await page({ q: '苹果汁', category: '测试专区', pageSize: 2, page: 2 })).items).toHaveLength(1);
    expect((await page({ q: '苹果汁', category: '粮油米面' })).total).toBe(0);
    expect(await titles({ q: '苹果' })).toContain('新疆阿克苏冰糖心苹果 5kg');
  });

  it('renaming a product moves it in search', async () => {
    const product = await createProduct('临时名称甲', '', 'SEARCH-RENAME');
    await t.http
      .patch(`/api/admin/products/${product.id}`)
      .set(await t.staff('operator'))
      .send({ title: '正式名称乙' })
      .expect(200);
    expect(await titles({ q: '临时' })).toEqual([]);
    expect(await titles({ q: '名称乙' })).toEqual(['正式名称乙']);
  });

  it('a member price changed by staff shows in the very next storefront read', async () => {
    const member = await t.customer('demo-member');
    const rice = sku(await products(member), 'RICE-5KG');
    const annual = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find(
      (tier) => tier.code === 'ANNUAL',
    )!;
    await t.http
      .put(`/api/admin/skus/${rice.id}/member-prices`)
      .set(await t.staff('operator'))
      .send({ prices: [{ tierId: annual.id, priceFen: 7000 }] })
      .expect(200);
    expect(sku(await products(member), 'RICE-5KG')).toMatchObject({ memberPriceFen: 7000, priceFen: 7000 });
    expect(sku(await products(), 'RICE-5KG')).toMatchObject({ memberPriceFen: 7000, priceFen: 9800 });
  });

  it('a product taken off sale leaves the list, its category count and its total at once', async () => {
    const product = await createProduct('下架测试', '', 'OFF-SALE');
    const before = (await page()).total;
    const count = async () =>
      ((await t.http.get('/api/categories').expect(200)).body as CategoryView[]).find((c) => c.name === '测试专区')
        ?.productCount ?? 0;
    const countBefore = await count();
    await t.http
      .patch(`/api/admin/products/${product.id}`)
      .set(await t.staff('operator'))
      .send({ onSale: false })
      .expect(200);
    expect((await page()).total).toBe(before - 1);
    expect(await count()).toBe(countBefore - 1);
    await t.http.get(`/api/products/${product.id}`).expect(404);
  });

  it('products filter by category and count per category', async () => {
    const grain = await page({ category: '粮油米面' });
    expect(grain.items.length).toBe(3);
    expect(grain.total).toBe(3);
    const categories = (await t.http.get('/api/categories').expect(200)).body as CategoryView[];
    expect(categories.find((c) => c.name === '粮油米面')?.productCount).toBe(3);
  });

  it('publishes the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/tiers', '/api/products', '/api/me/membership', '/api/admin/tiers']),
    );
  });

  describe('priority access', () => {
    const CHERRY = '智利车厘子 JJ 级 2kg';

    it('members see a member-first product within their benefit window, flagged; everyone else waits for publicFrom', async () => {
      expect(await titles({})).not.toContain(CHERRY);
      const memberView = (await products(await t.customer('demo-member'))).find((p) => p.title === CHERRY);
      expect(memberView?.memberFirstUntil).toBeDefined();
      await t.http.get(`/api/products/${memberView!.id}`).expect(404);
      await t.http
        .get(`/api/products/${memberView!.id}`)
        .set(await t.customer('demo-member'))
        .expect(200);
      expect(
        ((await t.http.get('/api/categories').expect(200)).body as CategoryView[]).find((c) => c.name === '生鲜水果')
          ?.productCount,
      ).toBe(2);
    });

    it('before its window opens a member does not see it either, and sees it once the window opens', async () => {
      const member = await t.customer('demo-member');
      const publicFrom = new Date(t.clock.now().getTime() + 60 * HOUR);
      await createProduct('会员抢先款', '', 'EARLY-60H', { publicFrom: publicFrom.toISOString() });
      expect(await titles({ q: '抢先款' }, member)).toEqual([]);
      t.clock.advance(12 * HOUR + 1);
      const [early] = (await page({ q: '抢先款' }, member)).items;
      expect(early.memberFirstUntil).toBe(publicFrom.toISOString());
      expect(await titles({ q: '抢先款' })).toEqual([]);
    });

    it('the window is the benefit config: staff widening it shows products further ahead at once', async () => {
      const member = await t.customer('demo-member');
      await createProduct('提前一周款', '', 'EARLY-WEEK', {
        publicFrom: new Date(t.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
      });
      expect(await titles({ q: '提前一周' }, member)).toEqual([]);
      const admin = await t.staff('admin');
      const benefit = ((await t.http.get('/api/admin/benefits').set(admin).expect(200)).body as BenefitView[]).find(
        (b) => b.type === 'PRIORITY_ACCESS',
      )!;
      await t.http
        .patch(`/api/admin/benefits/${benefit.id}`)
        .set(admin)
        .send({ config: { hours: 24 * 8 } })
        .expect(200);
      expect(await titles({ q: '提前一周' }, member)).toEqual(['提前一周款']);
      await t.http
        .patch(`/api/admin/benefits/${benefit.id}`)
        .set(admin)
        .send({ config: { hours: 48 } })
        .expect(200);
    });

    it('member prices stop at the end of the term (at whole seconds, like WeChat payment times), and with them early access', async () => {
      const member = await t.customer('demo-member');
      const me = (await t.http.get('/api/me/membership').set(member).expect(200)).body as { termEnd: string };
      // Whole seconds, like WeChat's payment times: the last millisecond of the second before the end still prices as a member.
      const endSecond = Math.floor(new Date(me.termEnd).getTime() / 1000) * 1000;
      t.clock.set(new Date(endSecond - 1));
      expect(sku(await products(member), 'RICE-5KG').priceFen).toBe(7000);
      t.clock.set(new Date(endSecond));
      expect(sku(await products(member), 'RICE-5KG').priceFen).toBe(9800);
    });

    it('member-first products become public at publicFrom', async () => {
      t.clock.advance(100 * HOUR);
      expect(await titles({})).toContain(CHERRY);
      expect((await page({ pageSize: 100 })).items.find((p) => p.title === CHERRY)?.memberFirstUntil).toBeUndefined();
    });
  });
});
