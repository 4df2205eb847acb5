import { canTransitionLifecycle, isDeletable, servesSince } from './lifecycle';

describe('catalogue lifecycle', () => {
  it('goes draft → active → archived, never back', () => {
    expect(canTransitionLifecycle('DRAFT', 'ACTIVE')).toBe(true);
    expect(canTransitionLifecycle('ACTIVE', 'ARCHIVED')).toBe(true);
    expect(canTransitionLifecycle('ARCHIVED', 'ACTIVE')).toBe(false);
    expect(canTransitionLifecycle('ACTIVE', 'DRAFT')).toBe(false);
  });

  it('only a draft may be deleted', () => {
    expect(isDeletable('DRAFT')).toBe(true);
    expect(isDeletable('ACTIVE')).toBe(false);
    expect(isDeletable('ARCHIVED')).toBe(false);
  });

  it('an archived row keeps serving what started before it was archived', () => {
    const archivedAt = new Date('2026-06-01T00:00:00Z');
    expect(servesSince({ status: 'ARCHIVED', archivedAt }, new Date('2026-05-01T00:00:00Z'))).toBe(true);
    expect(servesSince({ status: 'ARCHIVED', archivedAt }, archivedAt)).toBe(true);
    expect(servesSince({ status: 'ARCHIVED', archivedAt }, new Date('2026-07-01T00:00:00Z'))).toBe(false);
    expect(servesSince({ status: 'ACTIVE' }, new Date())).toBe(true);
    expect(servesSince({ status: 'DRAFT' }, new Date())).toBe(false);
  });
});
