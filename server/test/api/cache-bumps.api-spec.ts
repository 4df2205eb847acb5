import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AdminProductView, PriceListPreview, ProductView } from '@member-commerce/shared';
import { createApp } from '../../src/app.factory';
import { PRICE_LIST_HEADER } from '../../src/price-lists/price-list-csv';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #17 "explicit couplings": each service that changes a cached area bumps it itself (not through the audit
 * log). Staff write through instance A; instance B, which cached the storefront before, shows the change at once.
 */
describe('cache areas are bumped by the services that change them', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  let httpB: ReturnType<typeof request>;
  let admin: { Authorization: string };
  /** The cheapest tier on sale (¥1), so its member prices are the ones every non-member is shown. */
  let tier: { id: number; code: string };
  let product: AdminProductView;

  beforeAll(async () => {
    a = await startTestApp();
    b = await createApp({ config: { ...a.config, seedDemo: false }, clock: a.clock });
    await b.listen(0, '127.0.0.1');
    httpB = request(b.getHttpServer());
    admin = await a.staff('admin');
    const created = await a.http
      .post('/api/admin/tiers')
      .set(admin)
      .send({ code: 'CB-CHEAP', name: 'CB-CHEAP', priceFen: 1, termMonths: 1, defaultDiscountBp: 1_000 })
      .expect(201);
    await a.http.patch(`/api/admin/tiers/${created.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
    tier = { id: created.body.id, code: 'CB-CHEAP' };
    product = (
      await a.http
        .post('/api/admin/products')
        .set(admin)
        .send({
          title: '缓存测试茶',
          category: '缓存测试',
          onSale: true,
          skus: [{ code: 'CB-TEA', name: '标准', listPriceFen: 10_000, stock: 10 }],
        })
        .expect(201)
    ).body as AdminProductView;
  }, 300_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const teaOnB = async () => ((await httpB.get(`/api/products/${product.id}`).expect(200)).body as ProductView).skus[0];

  it('a price-list import makes the member price fresh at once (catalogue area)', async () => {
    expect((await teaOnB()).memberPriceFen).toBe(9_000);
    const file = [PRICE_LIST_HEADER.join(','), `CB-TEA,,,,${tier.code},,77`].join('\r\n');
    const preview = (await a.http.post('/api/admin/price-list/preview').set(admin).send({ csv: file }).expect(200))
      .body as PriceListPreview;
    await a.http.post('/api/admin/price-list/apply').set(admin).send({ csv: file, token: preview.token }).expect(200);
    expect((await teaOnB()).memberPriceFen).toBe(7_700);
  });

  it("a SKU's list price edit shows at once (catalogue area)", async () => {
    await teaOnB();
    await a.http.patch(`/api/admin/skus/${product.skus[0].id}`).set(admin).send({ listPriceFen: 12_000 }).expect(200);
    expect((await teaOnB()).listPriceFen).toBe(12_000);
  });

  it("a tier's default discount edit reprices SKUs without a price-list entry at once (tiers area)", async () => {
    const other = (
      await a.http
        .post(`/api/admin/products/${product.id}/skus`)
        .set(admin)
        .send({ code: 'CB-TEA-BIG', name: '大份', listPriceFen: 20_000, stock: 10 })
        .expect(201)
    ).body as AdminProductView;
    const big = () => teaOnB().then(() => httpB.get(`/api/products/${product.id}`).expect(200));
    const skuOf = async () =>
      ((await big()).body as ProductView).skus.find((sku) => sku.id === other.skus[1].id)!.memberPriceFen;
    expect(await skuOf()).toBe(18_000);
    await a.http.patch(`/api/admin/tiers/${tier.id}`).set(admin).send({ defaultDiscountBp: 2_500 }).expect(200);
    expect(await skuOf()).toBe(15_000);
  });

  it('a product taken off sale leaves the storefront at once (catalogue area)', async () => {
    await teaOnB();
    await a.http
      .post('/api/admin/products/on-sale')
      .set(admin)
      .send({ productIds: [product.id], onSale: false })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await httpB.get(`/api/products/${product.id}`).expect(404);
  });
});
