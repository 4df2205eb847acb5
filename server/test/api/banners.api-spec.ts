import type { AdminBannerView, ApiErrorBody, AuditLogView, BannerView, Page } from '@member-commerce/shared';
import { Jimp } from 'jimp';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-06-01T04:00:00.000Z');
const HOUR = 3600 * 1000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

describe('home banners', () => {
  let t: TestApp;
  /** A picture uploaded through the media route: the only kind of image a banner takes (besides allow-listed https). */
  let image: string;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW, env: { MEDIA_ALLOWED_HOSTS: 'cdn.example.com' } });
    const png = await new Jimp({ width: 64, height: 32, color: 0xc0392bff }).getBuffer('image/png');
    const uploaded = await t.http
      .post('/api/admin/media')
      .set(await t.staff('operator'))
      .attach('file', png, { filename: 'banner.png', contentType: 'image/png' })
      .expect(201);
    image = uploaded.body.url as string;
    // Start from no banners: the demo seed's own are removed, so every banner here is this spec's fixture.
    const staff = await t.staff('operator');
    for (const banner of (await t.http.get('/api/admin/banners').set(staff).expect(200)).body as AdminBannerView[]) {
      await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(204);
    }
  });
  afterAll(() => t.close());

  const create = async (body: object) =>
    t.http
      .post('/api/admin/banners')
      .set(await t.staff('operator'))
      .send(body);
  const publicTitles = async () =>
    ((await t.http.get('/api/banners').expect(200)).body as BannerView[]).map((b) => b.title);

  it('the storefront sees only banners whose window covers now, in sort order', async () => {
    await create({ title: '常驻', image, linkType: 'PAGE', linkTarget: '/pages/membership/index', sortOrder: 2 }).then(
      (r) => expect(r.status).toBe(201),
    );
    await create({
      title: '进行中',
      image,
      linkType: 'CATEGORY',
      linkTarget: '生鲜水果',
      sortOrder: 1,
      activeFrom: at(-1),
      activeTo: at(1),
    }).then((r) => expect(r.status).toBe(201));
    await create({ title: '未开始', image, linkType: 'NONE', activeFrom: at(2) }).then((r) =>
      expect(r.status).toBe(201),
    );
    await create({ title: '已结束', image, linkType: 'NONE', activeTo: at(-1) }).then((r) =>
      expect(r.status).toBe(201),
    );
    expect(await publicTitles()).toEqual(['进行中', '常驻']);

    t.clock.set(new Date(at(1)));
    expect(await publicTitles()).toEqual(['常驻']);
    t.clock.set(new Date(at(3)));
    expect(await publicTitles()).toEqual(['未开始', '常驻']);
    t.clock.set(NOW);
  });

  it('staff edit and delete banners, and every change is audited', async () => {
    const staff = await t.staff('operator');
    const banner = (await create({ title: '临时', image, linkType: 'NONE' })).body as AdminBannerView;
    const edited = (
      await t.http
        .patch(`/api/admin/banners/${banner.id}`)
        .set(staff)
        .send({ title: '改名', sortOrder: -1 })
        .expect(200)
    ).body as AdminBannerView;
    expect(edited).toMatchObject({ title: '改名', sortOrder: -1, image });
    expect((await publicTitles())[0]).toBe('改名');
    await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(204);
    expect(await publicTitles()).not.toContain('改名');
    await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(404);

    const log = (
      await t.http
        .get('/api/admin/audit-logs')
        .query({ pageSize: 100 })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    const actions = log.items
      .filter((row) => row.entity === 'banner' && row.entityId === String(banner.id))
      .map((row) => row.action);
    expect(actions.sort()).toEqual(['banner.create', 'banner.delete', 'banner.update']);
  });

  it('a window that ends before it starts, a link to a missing product, or a bad link type is refused', async () => {
    const backwards = await create({ title: 'x', image, linkType: 'NONE', activeFrom: at(2), activeTo: at(1) });
    expect([backwards.status, (backwards.body as ApiErrorBody).code]).toEqual([400, 'BANNER_WINDOW_INVALID']);
    const missing = await create({ title: 'x', image, linkType: 'PRODUCT', linkTarget: '999999' });
    expect([missing.status, (missing.body as ApiErrorBody).code]).toEqual([400, 'PRODUCT_NOT_FOUND']);
    const badType = await create({ title: 'x', image, linkType: 'ELSEWHERE' });
    expect([badType.status, (badType.body as ApiErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('banner and product images accept only uploaded media or an https URL on the allow-list', async () => {
    const refused = [
      'javascript:alert(1)',
      'http://cdn.example.com/a.jpg',
      'https://evil.example/a.jpg',
      '/media/0123456789abcdef0123456789abcdef.jpg',
      '/media/../secret.jpg',
      '//evil.example/a.jpg',
    ];
    for (const bad of refused) {
      const res = await create({ title: 'x', image: bad, linkType: 'NONE' });
      expect({ bad, status: res.status, code: res.body.code }).toEqual({
        bad,
        status: 400,
        code: 'MEDIA_URL_NOT_ALLOWED',
      });
    }
    expect(
      (await create({ title: '外链', image: 'https://cdn.example.com/banner.jpg', linkType: 'NONE' })).status,
    ).toBe(201);
    const operator = await t.staff('operator');
    const product = {
      title: '图片测试',
      category: '测试',
      skus: [{ code: 'IMG-1', name: '一', listPriceFen: 100, stock: 1 }],
    };
    const badProduct = await t.http
      .post('/api/admin/products')
      .set(operator)
      .send({ ...product, images: ['https://evil.example/a.jpg'] });
    expect({ status: badProduct.status, code: badProduct.body.code }).toEqual({
      status: 400,
      code: 'MEDIA_URL_NOT_ALLOWED',
    });
    const badSku = await t.http
      .post('/api/admin/products')
      .set(operator)
      .send({ ...product, skus: [{ ...product.skus[0], images: ['data:image/svg+xml,<svg/>'] }] });
    expect({ status: badSku.status, code: badSku.body.code }).toEqual({ status: 400, code: 'MEDIA_URL_NOT_ALLOWED' });
    await t.http
      .post('/api/admin/products')
      .set(operator)
      .send({ ...product, images: [image] })
      .expect(201);
  });

  it('a banner never sends a guest to a product the guest cannot see (off sale, or member-first before it opens)', async () => {
    const operator = await t.staff('operator');
    const product = async (code: string, extra: object) =>
      (
        await t.http
          .post('/api/admin/products')
          .set(operator)
          .send({ title: code, category: '测试', skus: [{ code, name: '一', listPriceFen: 100, stock: 5 }], ...extra })
          .expect(201)
      ).body.id as number;
    const open = await product('BN-OPEN', { onSale: true });
    const offSale = await product('BN-OFF', { onSale: false });
    const memberFirst = await product('BN-FIRST', { onSale: true, publicFrom: at(48) });
    for (const [title, id] of [
      ['去看公开商品', open],
      ['去看下架商品', offSale],
      ['去看会员优先商品', memberFirst],
    ] as const) {
      await create({ title, image, linkType: 'PRODUCT', linkTarget: String(id) }).then((r) =>
        expect(r.status).toBe(201),
      );
    }
    const titles = await publicTitles();
    expect(titles).toContain('去看公开商品');
    expect(titles).not.toContain('去看下架商品');
    expect(titles).not.toContain('去看会员优先商品');
  });

  it('support and finance cannot manage banners', async () => {
    for (const role of ['support', 'finance'] as const) {
      await t.http
        .post('/api/admin/banners')
        .set(await t.staff(role))
        .send({ title: 'x', image: '/media/x.jpg', linkType: 'NONE' })
        .expect(403);
    }
  });
});
