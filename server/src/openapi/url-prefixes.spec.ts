import { declaredRoutes, urlPrefix } from './route-inventory';

describe('one controller file per URL prefix', () => {
  const routes = declaredRoutes();

  it('reads every route from the controller files', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  it('a prefix names its resource after the admin, me or dev/wechat scope', () => {
    expect(urlPrefix('/api/admin/orders/{id}/refunds')).toBe('/api/admin/orders');
    expect(urlPrefix('/api/orders/{id}/receipt')).toBe('/api/orders');
    expect(urlPrefix('/api/me/membership')).toBe('/api/me/membership');
    expect(urlPrefix('/api/dev/wechat/papay/{contractId}/sign')).toBe('/api/dev/wechat/papay');
    expect(urlPrefix('/api/health')).toBe('/api/health');
  });

  it('each URL prefix is served from exactly one controller file', () => {
    const filesByPrefix = new Map<string, Set<string>>();
    for (const route of routes) {
      const prefix = urlPrefix(route.path);
      filesByPrefix.set(prefix, (filesByPrefix.get(prefix) ?? new Set()).add(route.file));
    }
    const shared = [...filesByPrefix]
      .filter(([, files]) => files.size > 1)
      .map(([prefix, files]) => `${prefix}: ${[...files].sort().join(', ')}`);
    expect(shared).toEqual([]);
  });
});
