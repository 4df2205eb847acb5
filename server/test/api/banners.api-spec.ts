import type { AdminBannerView, ApiErrorBody, AuditLogView, BannerView, Page } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-06-01T04:00:00.000Z');
const HOUR = 3600 * 1000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

describe('home banners', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    // Start from no banners: the demo seed's own are removed, so every banner here is this spec's fixture.
    const staff = await t.staff('operator');
    for (const banner of (await t.http.get('/api/admin/banners').set(staff).expect(200)).body as AdminBannerView[]) {
      await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(204);
    }
  });
  afterAll(() => t.close());

  const create = async (body: object) => t.http.post('/api/admin/banners').set(await t.staff('operator')).send(body);
  const publicTitles = async () => ((await t.http.get('/api/banners').expect(200)).body as BannerView[]).map((b) => b.title);

  it('the storefront sees only banners whose window covers now, in sort order', async () => {
    await create({ title: '常驻', image: '/media/a.jpg', linkType: 'PAGE', linkTarget: '/pages/membership/index', sortOrder: 2 }).then((r) => expect(r.status).toBe(201));
    await create({ title: '进行中', image: '/media/b.jpg', linkType: 'CATEGORY', linkTarget: '生鲜水果', sortOrder: 1, activeFrom: at(-1), activeTo: at(1) }).then((r) => expect(r.status).toBe(201));
    await create({ title: '未开始', image: '/media/c.jpg', linkType: 'NONE', activeFrom: at(2) }).then((r) => expect(r.status).toBe(201));
    await create({ title: '已结束', image: '/media/d.jpg', linkType: 'NONE', activeTo: at(-1) }).then((r) => expect(r.status).toBe(201));
    expect(await publicTitles()).toEqual(['进行中', '常驻']);

    t.clock.set(new Date(at(1)));
    expect(await publicTitles()).toEqual(['常驻']);
    t.clock.set(new Date(at(3)));
    expect(await publicTitles()).toEqual(['未开始', '常驻']);
    t.clock.set(NOW);
  });

  it('staff edit and delete banners, and every change is audited', async () => {
    const staff = await t.staff('operator');
    const banner = (await create({ title: '临时', image: '/media/e.jpg', linkType: 'NONE' })).body as AdminBannerView;
    const edited = (await t.http.patch(`/api/admin/banners/${banner.id}`).set(staff).send({ title: '改名', sortOrder: -1 }).expect(200)).body as AdminBannerView;
    expect(edited).toMatchObject({ title: '改名', sortOrder: -1, image: '/media/e.jpg' });
    expect((await publicTitles())[0]).toBe('改名');
    await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(204);
    expect(await publicTitles()).not.toContain('改名');
    await t.http.delete(`/api/admin/banners/${banner.id}`).set(staff).expect(404);

    const log = (await t.http.get('/api/admin/audit-logs').query({ pageSize: 100 }).set(await t.staff('admin')).expect(200)).body as Page<AuditLogView>;
    const actions = log.items.filter((row) => row.entity === 'banner' && row.entityId === String(banner.id)).map((row) => row.action);
    expect(actions.sort()).toEqual(['banner.create', 'banner.delete', 'banner.update']);
  });

  it('a window that ends before it starts, a link to a missing product, or a bad link type is refused', async () => {
    const backwards = await create({ title: 'x', image: '/media/x.jpg', linkType: 'NONE', activeFrom: at(2), activeTo: at(1) });
    expect([backwards.status, (backwards.body as ApiErrorBody).code]).toEqual([400, 'BANNER_WINDOW_INVALID']);
    const missing = await create({ title: 'x', image: '/media/x.jpg', linkType: 'PRODUCT', linkTarget: '999999' });
    expect([missing.status, (missing.body as ApiErrorBody).code]).toEqual([400, 'PRODUCT_NOT_FOUND']);
    const badType = await create({ title: 'x', image: '/media/x.jpg', linkType: 'ELSEWHERE' });
    expect([badType.status, (badType.body as ApiErrorBody).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('support and finance cannot manage banners', async () => {
    for (const role of ['support', 'finance'] as const) {
      await t.http.post('/api/admin/banners').set(await t.staff(role)).send({ title: 'x', image: '/media/x.jpg', linkType: 'NONE' }).expect(403);
    }
  });
});
