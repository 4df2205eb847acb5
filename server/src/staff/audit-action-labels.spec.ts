import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, TierStatus } from '@member-commerce/shared';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('audit action names', () => {
  const code = sources(join(__dirname, '..'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('every action the server audits has a Chinese name for the admin', () => {
    const actions = [...code.matchAll(/action: '([a-z_-]+\.[a-z_.-]+)'/g)].map((match) => match[1]);
    // tiers.service writes `tier.<status>` for status changes.
    actions.push(...Object.values(TierStatus).map((status) => `tier.${status.toLowerCase()}`));
    expect(actions.length).toBeGreaterThan(10);
    expect([...new Set(actions)].filter((action) => !AUDIT_ACTION_LABELS[action])).toEqual([]);
  });

  it('every audited target has a Chinese name', () => {
    const entities = [...code.matchAll(/entity: '([a-z_-]+)'/g)].map((match) => match[1]);
    expect([...new Set(entities)].filter((entity) => !AUDIT_ENTITY_LABELS[entity])).toEqual([]);
  });
});
