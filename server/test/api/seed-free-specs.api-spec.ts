import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEMO_PRODUCTS } from '../../src/database/seed/demo-catalog';
import { DEMO_STAFF } from '../../src/database/seed/demo-seed.service';

/**
 * Specs build what they assert on. The test app boots WITHOUT the demo seed unless a spec passes `seed: true` (or
 * starts a process with SEED_DEMO=1), so a spec leaning on demo data fails at once; this spec keeps the opt-in
 * rare and visible: only the files below may boot the demo shop, each for the reason given, and no other spec may
 * name demo data (customers, staff passwords, tier codes, SKU codes or product titles).
 *
 * The list only shrinks: a listed file that no longer opts in fails here until it is taken off.
 */
const MAY_BOOT_THE_DEMO_SHOP: Record<string, string> = {
  'test/api/demo-seed.api-spec.ts':
    'checks the demo shop itself: orders priced by checkout, pictures, finance, tier text and pack values',
  'test/reliability/fuzz.reliability-spec.ts': 'generated ids must hit real rows of every kind for the fuzz to go deep',
  'test/reliability/crash-recovery.reliability-spec.ts': 'boots the built server as `pnpm start` does',
  'test/support/cluster-client.ts': 'reliability cluster boots the built server as `pnpm start` does',
};

/** Files that name demo data without booting it through the test app, and why. */
const MAY_NAME_DEMO_DATA: Record<string, string> = {
  'test/api/staff-accounts.api-spec.ts': 'asserts the demo staff do not exist without the seed',
  'test/reliability/safe-defaults.reliability-spec.ts': 'asserts a production boot has no demo staff',
  'test/reliability/races.reliability-spec.ts': 'runs on the reliability cluster, which boots the demo shop',
};

const ROOT = join(__dirname, '..', '..');
const OPTS_IN = /seed:\s*true|SEED_DEMO:[^,\n]*'1'/;

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? specFiles(path) : /\.ts$/.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

/** Names only the demo seed defines, quoted as a spec would write them. */
function demoNames(): string[] {
  const customers = [
    'demo-member',
    'demo-guest',
    'wang-xiaoming',
    'li-hua',
    'zhao-min',
    '演示会员',
    '王小明',
    '李华',
    '赵敏',
  ];
  const tiers = ['ANNUAL', 'BLACK', 'QUARTER'];
  const skus = DEMO_PRODUCTS.flatMap((product) => product.skus.map((sku) => sku.code));
  const titles = DEMO_PRODUCTS.map((product) => product.title);
  return [
    ...[...customers, ...tiers, ...skus].map((name) => `'${name}'`),
    ...titles,
    ...DEMO_STAFF.map((staff) => `'${staff.password}'`),
  ];
}

describe('specs build their own fixtures, not the demo seed', () => {
  // This spec and the switch itself (test-app.ts turns `seed` into SEED_DEMO) are not users of the seed.
  const files = specFiles(join(ROOT, 'test')).filter(
    (file) => file !== 'test/api/seed-free-specs.api-spec.ts' && file !== 'test/support/test-app.ts',
  );

  it('only the listed files boot the demo shop', () => {
    const optingIn = files.filter((file) => OPTS_IN.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(optingIn.filter((file) => !(file in MAY_BOOT_THE_DEMO_SHOP))).toEqual([]);
  });

  it('every listed file still needs the demo shop (take converted ones off the list)', () => {
    const stale = Object.keys(MAY_BOOT_THE_DEMO_SHOP).filter(
      (file) => !OPTS_IN.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(stale).toEqual([]);
  });

  it('no other spec names demo customers, staff passwords, tiers, SKUs or products', () => {
    const names = demoNames();
    const found = files
      .filter((file) => !(file in MAY_BOOT_THE_DEMO_SHOP) && !(file in MAY_NAME_DEMO_DATA))
      .flatMap((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        return names.filter((name) => text.includes(name)).map((name) => `${file}: ${name}`);
      });
    expect(found).toEqual([]);
  });
});
