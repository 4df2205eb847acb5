import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Page, ProductView } from '@member-commerce/shared';
import { createApp } from '../../src/app.factory';
import { shopFixtures, type ShopFixtures, type TierFixture } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Two API processes on one database: what one caches, a staff write through the other invalidates. */
describe('storefront caches across app instances', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  let httpB: ReturnType<typeof request>;
  let shop: ShopFixtures;
  /** The shop's only (so cheapest, so display) tier: 10% off whatever has no member price. */
  let annual: TierFixture;

  beforeAll(async () => {
    a = await startTestApp();
    shop = shopFixtures(a);
    annual = await shop.tier('CC_ANNUAL', { priceFen: 100_000, defaultDiscountBp: 1_000 });
    b = await createApp({ config: { ...a.config, seedDemo: false }, clock: a.clock });
    await b.listen(0, '127.0.0.1');
    httpB = request(b.getHttpServer());
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const skuOnB = async (code: string, auth?: { Authorization: string }) => {
    const req = httpB.get('/api/products').query({ pageSize: 100 });
    if (auth) req.set(auth);
    return ((await req.expect(200)).body as Page<ProductView>).items
      .flatMap((p) => p.skus)
      .find((s) => s.code === code)!;
  };

  it('a member price set through one instance shows in the next read on the other', async () => {
    const oil = await shop.product('CC-OIL', 12_000, { memberPrices: { [annual.id]: 10_900 } });
    const member = (await shop.member('cc-member', annual.id)).auth;
    expect((await skuOnB('CC-OIL', member)).priceFen).toBe(10_900);
    await a.http
      .put(`/api/admin/skus/${oil.skuId}/member-prices`)
      .set(await a.staff('operator'))
      .send({ prices: [{ tierId: annual.id, priceFen: 9_900 }] })
      .expect(200);
    expect(await skuOnB('CC-OIL', member)).toMatchObject({ memberPriceFen: 9_900, priceFen: 9_900 });
  });

  it("a tier's default discount changed through one instance reprices the other's non-member upsell at once", async () => {
    const chocolateFen = 8_900;
    await shop.product('CC-CHOCO', chocolateFen);
    expect((await skuOnB('CC-CHOCO')).memberPriceFen).toBe(chocolateFen * 0.9);
    await a.http
      .patch(`/api/admin/tiers/${annual.id}`)
      .set(await a.staff('admin'))
      .send({ defaultDiscountBp: 2_000 })
      .expect(200);
    expect((await skuOnB('CC-CHOCO')).memberPriceFen).toBe(chocolateFen * 0.8);
  });

  it("a product created through one instance is in the other instance's next page, total and categories", async () => {
    const before = ((await httpB.get('/api/products').expect(200)).body as Page<ProductView>).total;
    await a.http
      .post('/api/admin/products')
      .set(await a.staff('operator'))
      .send({
        title: '跨进程新品',
        category: '跨进程',
        skus: [{ code: 'CROSS-1', name: '标准装', listPriceFen: 1_000, stock: 1 }],
      })
      .expect(201);
    expect(((await httpB.get('/api/products').expect(200)).body as Page<ProductView>).total).toBe(before + 1);
    expect(
      ((await httpB.get('/api/products').query({ q: '跨进程' }).expect(200)).body as Page<ProductView>).items.map(
        (p) => p.title,
      ),
    ).toEqual(['跨进程新品']);
    expect((await httpB.get('/api/categories').expect(200)).body).toEqual(
      expect.arrayContaining([{ name: '跨进程', productCount: 1 }]),
    );
  });
});
