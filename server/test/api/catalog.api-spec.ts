import {
  BenefitType,
  type AdminProductView,
  type BenefitView,
  type CategoryView,
  type Page,
  type ProductView,
  type TierView,
} from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600 * 1000;
const NOW = new Date('2030-03-01T02:00:00Z');
const RICE = { listFen: 9_800, memberFen: 7_900 };
const CHOCOLATE_LIST_FEN = 8_900;
const ANNUAL_DISCOUNT_BP = 1_000;
const CHERRY = '山东大樱桃 1kg';
/** Products on sale beside the ones tests add: more than one default page of 20. */
const FILLERS = 20;

describe('catalog (storefront)', () => {
  let t: TestApp;
  let annualGiftPacks: number[];
  beforeAll(async () => {
    // Two months back: a 30-day member whose term has ended by NOW.
    t = await startTestApp({ now: new Date(NOW.getTime() - 60 * 24 * HOUR) });
    const f = shopFixtures(t);
    const monthly = await f.tier('CT-MONTHLY', { termDays: 30, benefits: [BenefitType.MEMBER_PRICE] });
    await f.member('ct-lapsed', monthly.id);
    // No longer sold: the storefront shows the cheapest tier on sale as the member price to anonymous callers.
    await t.http
      .patch(`/api/admin/tiers/${monthly.id}`)
      .set(await t.staff('admin'))
      .send({ status: 'ARCHIVED' })
      .expect(200);
    t.clock.set(NOW);
    const fillers = [];
    for (let i = 1; i <= FILLERS; i++)
      fillers.push(await f.product(`CT-FILL-${i}`, 1_000 + i, { category: '日用百货' }));
    annualGiftPacks = [
      await f.giftPack('生鲜礼包', [{ skuId: fillers[0].skuId, quantity: 2 }], 2 * 1_001),
      await f.giftPack('厨房礼包', [{ skuId: fillers[1].skuId, quantity: 2 }], 2 * 1_002),
      await f.giftPack('家居礼包', [{ skuId: fillers[2].skuId, quantity: 2 }], 2 * 1_003),
    ];
    const annual = await f.tier('CT-ANNUAL', {
      priceFen: 100_000,
      defaultDiscountBp: ANNUAL_DISCOUNT_BP,
      benefits: [BenefitType.MEMBER_PRICE, BenefitType.PRIORITY_ACCESS],
      benefitConfig: { [BenefitType.PRIORITY_ACCESS]: { hours: 48 } },
      giftPackIds: annualGiftPacks,
      extra: { sortOrder: 1 },
    });
    await f.tier('CT-BLACK', { priceFen: 299_900, benefits: [BenefitType.MEMBER_PRICE], extra: { sortOrder: 2 } });
    await f.tier('CT-QUARTER', { priceFen: 29_900, termMonths: 3, draft: true, extra: { sortOrder: 3 } });
    const grain = { category: '粮油米面' };
    await f.product('CT-RICE', RICE.listFen, {
      ...grain,
      title: '东北长粒香大米 5kg',
      memberPrices: { [annual.id]: RICE.memberFen },
    });
    await f.product('CT-OIL', 12_900, { ...grain, title: '压榨花生油 5L' });
    await f.product('CT-NOODLE', 3_900, { ...grain, title: '龙须挂面 2kg' });
    await f.product('CT-CHOCO', CHOCOLATE_LIST_FEN, { title: '黑巧克力 85% 可可', category: '休闲零食' });
    const fruit = { category: '生鲜水果' };
    await f.product('CT-APPLE', 7_900, { ...fruit, title: '烟台红富士苹果 3kg' });
    await f.product('CT-PINEAPPLE', 6_900, { ...fruit, title: '广西沃柑 5kg' });
    await f.product('CT-CHERRY', 29_900, { ...fruit, title: CHERRY, publicFrom: new Date(NOW.getTime() + 48 * HOUR) });
    await f.member('ct-member', annual.id);
    await f.member('ct-revoked', annual.id);
    const revoked = (
      await t.http
        .get('/api/admin/members')
        .query({ q: 'ct-revoked' })
        .set(await t.staff('admin'))
    ).body as Page<{ membershipId: number }>;
    await t.http
      .post(`/api/admin/members/${revoked.items[0].membershipId}/revoke`)
      .set(await t.staff('operator'))
      .send({ reason: '违规转售' })
      .expect(201);
  }, 180_000); // builds its shop through the API: slow on a shared, loaded machine
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
    expect(tiers.map((tier) => tier.code)).toEqual(['CT-ANNUAL', 'CT-BLACK']);
    const annual = tiers.find((tier) => tier.code === 'CT-ANNUAL')!;
    expect(annual).toMatchObject({ priceFen: 100_000, termMonths: 12 });
    expect(annual.benefits.map((b) => b.type)).toContain('MEMBER_PRICE');
    expect(annual.benefits.find((b) => b.type === 'PRIORITY_ACCESS')?.config).toEqual({ hours: 48 });
    expect(annual.giftPacks.map((pack) => pack.id)).toEqual(annualGiftPacks);
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
    const rice = sku(await products(), 'CT-RICE');
    expect(rice).toMatchObject({ listPriceFen: RICE.listFen, memberPriceFen: RICE.memberFen, priceFen: RICE.listFen });
  });

  it('an active member pays the price from their tier price list', async () => {
    const rice = sku(await products(await t.customer('ct-member')), 'CT-RICE');
    expect(rice).toMatchObject({
      listPriceFen: RICE.listFen,
      memberPriceFen: RICE.memberFen,
      priceFen: RICE.memberFen,
    });
  });

  it('without a price-list entry a member gets the tier default discount', async () => {
    const chocolate = sku(await products(await t.customer('ct-member')), 'CT-CHOCO');
    const discountedFen = (CHOCOLATE_LIST_FEN * (10_000 - ANNUAL_DISCOUNT_BP)) / 10_000;
    expect(chocolate).toMatchObject({ listPriceFen: CHOCOLATE_LIST_FEN, priceFen: discountedFen });
  });

  it('expired and revoked members pay list price', async () => {
    for (const name of ['ct-lapsed', 'ct-revoked']) {
      expect(sku(await products(await t.customer(name)), 'CT-RICE').priceFen).toBe(RICE.listFen);
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
    expect(await titles({ q: '苹果' })).toContain('烟台红富士苹果 3kg');
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
    const member = await t.customer('ct-member');
    const rice = sku(await products(member), 'CT-RICE');
    const annual = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find(
      (tier) => tier.code === 'CT-ANNUAL',
    )!;
    await t.http
      .put(`/api/admin/skus/${rice.id}/member-prices`)
      .set(await t.staff('operator'))
      .send({ prices: [{ tierId: annual.id, priceFen: 7000 }] })
      .expect(200);
    expect(sku(await products(member), 'CT-RICE')).toMatchObject({ memberPriceFen: 7000, priceFen: 7000 });
    expect(sku(await products(), 'CT-RICE')).toMatchObject({ memberPriceFen: 7000, priceFen: RICE.listFen });
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
    it('members see a member-first product within their benefit window, flagged; everyone else waits for publicFrom', async () => {
      expect(await titles({})).not.toContain(CHERRY);
      const memberView = (await products(await t.customer('ct-member'))).find((p) => p.title === CHERRY);
      expect(memberView?.memberFirstUntil).toBeDefined();
      await t.http.get(`/api/products/${memberView!.id}`).expect(404);
      await t.http
        .get(`/api/products/${memberView!.id}`)
        .set(await t.customer('ct-member'))
        .expect(200);
      expect(
        ((await t.http.get('/api/categories').expect(200)).body as CategoryView[]).find((c) => c.name === '生鲜水果')
          ?.productCount,
      ).toBe(2);
    });

    it('before its window opens a member does not see it either, and sees it once the window opens', async () => {
      const member = await t.customer('ct-member');
      const publicFrom = new Date(t.clock.now().getTime() + 60 * HOUR);
      await createProduct('会员抢先款', '', 'EARLY-60H', { publicFrom: publicFrom.toISOString() });
      expect(await titles({ q: '抢先款' }, member)).toEqual([]);
      t.clock.advance(12 * HOUR + 1);
      const [early] = (await page({ q: '抢先款' }, member)).items;
      expect(early.memberFirstUntil).toBe(publicFrom.toISOString());
      expect(await titles({ q: '抢先款' })).toEqual([]);
    });

    it('the window is the benefit config: staff widening it shows products further ahead at once', async () => {
      const member = await t.customer('ct-member');
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
      const member = await t.customer('ct-member');
      const me = (await t.http.get('/api/me/membership').set(member).expect(200)).body as { termEnd: string };
      // Whole seconds, like WeChat's payment times: the last millisecond of the second before the end still prices as a member.
      const endSecond = Math.floor(new Date(me.termEnd).getTime() / 1000) * 1000;
      t.clock.set(new Date(endSecond - 1));
      expect(sku(await products(member), 'CT-RICE').priceFen).toBe(7000);
      t.clock.set(new Date(endSecond));
      expect(sku(await products(member), 'CT-RICE').priceFen).toBe(RICE.listFen);
    });

    it('member-first products become public at publicFrom', async () => {
      t.clock.advance(100 * HOUR);
      expect(await titles({})).toContain(CHERRY);
      expect((await page({ pageSize: 100 })).items.find((p) => p.title === CHERRY)?.memberFirstUntil).toBeUndefined();
    });
  });
});
