import type { ProductView, TierView } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600 * 1000;

describe('catalog (storefront)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const products = async (auth?: { Authorization: string }) => {
    const req = t.http.get('/api/products');
    if (auth) req.set(auth);
    return (await req.expect(200)).body as ProductView[];
  };
  const sku = (list: ProductView[], code: string) => list.flatMap((p) => p.skus).find((s) => s.code === code)!;

  it('health reports the database up', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', db: 'up' });
  });

  it('lists only active tiers, with benefits and welcome gift packs', async () => {
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    expect(tiers.map((tier) => tier.code)).toEqual(['ANNUAL', 'BLACK']);
    const annual = tiers[0];
    expect(annual).toMatchObject({ priceFen: 100_000, termMonths: 12 });
    expect(annual.benefits.map((b) => b.type)).toContain('MEMBER_PRICE');
    expect(annual.giftPacks).toHaveLength(3);
    expect(annual.giftPacks.every((pack) => pack.valueFen > 0 && pack.inStock)).toBe(true);
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

  it('priority products are hidden from non-members until publicFrom and flagged for members', async () => {
    const guestTitles = (await products()).map((p) => p.title);
    expect(guestTitles).not.toContain('智利车厘子 JJ 级 2kg');
    const memberView = (await products(await t.customer('demo-member'))).find((p) => p.title === '智利车厘子 JJ 级 2kg');
    expect(memberView?.memberFirstUntil).toBeDefined();
    const id = memberView!.id;
    await t.http.get(`/api/products/${id}`).expect(404);
  });

  it('products filter by category and count per category', async () => {
    const fruit = (await t.http.get('/api/products').query({ category: '粮油米面' }).expect(200)).body as ProductView[];
    expect(fruit.length).toBe(3);
    const categories = (await t.http.get('/api/categories').expect(200)).body as { name: string; productCount: number }[];
    expect(categories.find((c) => c.name === '粮油米面')?.productCount).toBe(3);
  });

  it('publishes the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tiers', '/api/products', '/api/me/membership', '/api/admin/tiers']));
  });

  it('member prices stop at the exact end of the term', async () => {
    const member = await t.customer('demo-member');
    const me = (await t.http.get('/api/me/membership').set(member).expect(200)).body as { termEnd: string };
    t.clock.set(new Date(new Date(me.termEnd).getTime() - 1));
    expect(sku(await products(member), 'RICE-5KG').priceFen).toBe(7900);
    t.clock.set(new Date(me.termEnd));
    expect(sku(await products(member), 'RICE-5KG').priceFen).toBe(9800);
  });

  it('priority products become public at publicFrom', async () => {
    t.clock.advance(100 * HOUR);
    expect((await products()).map((p) => p.title)).toContain('智利车厘子 JJ 级 2kg');
  });
});
