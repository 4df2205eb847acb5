import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * Folders every feature may use. They import no feature back, except the database's entity registry and seed, the
 * system controller (the client config lists the reminder templates) and the cli's first-admin command.
 */
const INFRASTRUCTURE = new Set(['common', 'config', 'database', 'wechat', 'jobs', 'cache', 'system', 'cli']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const REPO = join(__dirname, '..', '..');
/** Every source file of the server and both apps, and shared/. */
const everySource = () =>
  ['server/src', 'admin/src', 'miniprogram/src', 'shared/src'].flatMap((dir) => sources(join(REPO, dir)));

/** Source text without comments (a comment may quote a format; only code computes). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** feature folder → the feature folders its files import. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(__dirname)) {
    const from = relative(__dirname, file).split(sep)[0];
    if (!from || from.endsWith('.ts') || INFRASTRUCTURE.has(from)) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const to = relative(__dirname, normalize(join(dirname(file), spec))).split(sep)[0];
      if (to !== from && !to.endsWith('.ts') && !INFRASTRUCTURE.has(to))
        graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

describe('architecture', () => {
  it('feature folders do not import each other in a circle', () => {
    const graph = featureGraph();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > path[0]) visit(next, [...path, next]);
      }
    };
    for (const start of graph.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });

  it('only the order state machine writes an order status', () => {
    const writers = sources(__dirname).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return (
        /(update|save|insert)(Rows?)?\(\s*(manager,\s*)?Order\b[^)]*status/s.test(text) ||
        /create\(Order,\s*\{[^}]*\bstatus:/s.test(text)
      );
    });
    expect(writers.map((file) => relative(__dirname, file))).toEqual(['orders/order-state.ts']);
  });

  it('order status groups are written once, in shared/src/order-status-groups.ts (the transition table aside)', () => {
    const status = String.raw`(?:OrderStatus\.|')(?:PENDING_PAYMENT|PAID|SHIPPED|COMPLETED|CLOSED|REFUNDING|REFUNDED)'?`;
    // A hook's `from: [...]` names the transitions it listens to: that is the transition table's business, not a group.
    const statusList = new RegExp(String.raw`(?<!from:\s*)\[\s*${status}\s*,\s*${status}[^\]]*\]`);
    const copies = everySource()
      .map((file) => relative(REPO, file))
      .filter((file) => !['shared/src/order-status-groups.ts', 'server/src/orders/order-state.ts'].includes(file))
      .filter((file) => statusList.test(readFileSync(join(REPO, file), 'utf8')));
    expect(copies).toEqual([]);
  });

  it('no status list hides in SQL text either: queries bind the shared groups', () => {
    const orderStatus = "'(?:PENDING_PAYMENT|PAID|SHIPPED|COMPLETED|CLOSED|REFUNDING|REFUNDED)'";
    const sqlList = new RegExp(
      String.raw`\bo\.status\s*(?:IN\s*\(|<>|!=|=)\s*${orderStatus}|\bIN\s*\(\s*${orderStatus}\s*,`,
    );
    const copies = sources(__dirname)
      .filter((file) => !file.includes(`${sep}migrations${sep}`))
      .filter((file) => sqlList.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));
    expect(copies).toEqual([]);
  });

  it("an order's money (goods, total, member savings) is computed only in shared/src/order-money.ts", () => {
    const formulas = [
      /unitListPriceFen\s*\*/, // list total
      /listTotalFen\s*-/, // savings from a list total
      /listPriceFen\s*-\s*[\w.!]*(?:memberPriceFen|priceFen)/, // savings per unit
      /lineTotalFen,\s*0\)/, // goods as a sum of lines
      /totalFen\s*-\s*[\w.]*shippingFen/, // goods back out of a total
      /goodsFen\s*\+\s*[\w.]*shippingFen/, // total from goods
    ];
    const copies = everySource()
      .map((file) => relative(REPO, file))
      .filter((file) => file !== 'shared/src/order-money.ts' && !file.includes('/migrations/'))
      .filter((file) => formulas.some((formula) => formula.test(readFileSync(join(REPO, file), 'utf8'))));
    expect(copies).toEqual([]);
  });

  it('product spend (paid product orders less refunds) is summed only in orders/product-spend.ts', () => {
    const copies = sources(__dirname)
      .filter((file) => /SUM\(\s*[\w${}]+\.totalFen\s*-\s*[\w${}]+\.refundedFen/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));
    expect(copies).toEqual(['orders/product-spend.ts']);
  });

  it('the term an order bought is looked up only in membership/bought-term.ts', () => {
    const copies = sources(__dirname)
      .filter((file) => /CARRY_OVER'\)|<> 'CARRY_OVER'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(__dirname, file));
    expect(copies).toEqual(['membership/bought-term.ts']);
  });

  it('days left, shop days and months and WeChat\'s "+08:00" are computed only in shared/src/shop-calendar.ts', () => {
    const calendar = [
      /\+08:00/,
      /8\s*\*\s*3_?600/, // a hard-coded China offset
      /getTimezoneOffset\(/,
      /new Intl\.DateTimeFormat\([^)]*timeZone/s,
      /\.tz\(|plugin\/timezone/, // dayjs zones
      /(?:termEnd|end)[\w.()]*getTime\(\)\s*-\s*[\w.]*now[\w.()]*\)\s*\/\s*DAY_MS/, // a second "days left"
    ];
    const copies = everySource()
      .map((file) => relative(REPO, file))
      .filter((file) => file !== 'shared/src/shop-calendar.ts')
      .filter((file) => calendar.some((rule) => rule.test(withoutComments(readFileSync(join(REPO, file), 'utf8')))));
    expect(copies).toEqual([]);
  });

  it("the storefront's page paths are written only in shared/src/storefront-pages.ts (the app config derives from it)", () => {
    const pagePathLiteral = /['"`]\/?(?:pages|packages)\/[\w-]+\/(?:[\w-]+\/)?index['"`?]/;
    const copies = everySource()
      .map((file) => relative(REPO, file))
      .filter((file) => file !== 'shared/src/storefront-pages.ts' && !file.includes('/migrations/'))
      .filter((file) => !file.startsWith('shared/src/api/generated/')) // generated from the shared types
      .filter((file) => file !== 'server/src/wechat/papay/papay-wire.ts') // WeChat's signing mini-program, not ours
      .filter((file) => pagePathLiteral.test(withoutComments(readFileSync(join(REPO, file), 'utf8'))));
    expect(copies).toEqual([]);
  });

  it("the wechat-shipping feature's tables are read only through its service (no other folder names them in SQL)", () => {
    const copies = sources(__dirname)
      .map((file) => relative(__dirname, file))
      .filter((file) => !file.startsWith(`wechat-shipping${sep}`) && !file.includes(`${sep}migrations${sep}`))
      .filter((file) => /\bwechat_(?:shipping|trade_event)\b/.test(readFileSync(join(__dirname, file), 'utf8')));
    expect(copies).toEqual([]);
  });

  it('a comment citing a doc or a source file names one in this repository (and a docs/ section it quotes)', () => {
    const repoFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (!statSync(path).isDirectory()) return [path];
        return ['node_modules', 'dist', '.git'].includes(name) ? [] : repoFiles(path);
      });
    const names = new Set(
      ['server', 'shared', 'admin', 'miniprogram', 'test', 'scripts', 'docs'].flatMap((dir) =>
        repoFiles(join(REPO, dir)).map((file) => file.split(sep).pop()),
      ),
    );
    names.add('README.md');
    const broken: string[] = [];
    for (const file of everySource()) {
      const comments = readFileSync(file, 'utf8').match(/\/\*[\s\S]*?\*\/|\/\/.*$/gm) ?? [];
      for (const comment of comments) {
        const flat = comment.replace(/\s*\n\s*\*?\s*/g, ' ');
        for (const [cited] of flat.matchAll(/(?<![\w.])\w[\w.-]*\.(?:tsx?|md|mjs)\b/g))
          if (!names.has(cited)) broken.push(`${relative(REPO, file)}: ${cited}`);
        for (const [, doc, section] of flat.matchAll(/docs\/([\w-]+\.md)(?: "([^"]+)")?/g)) {
          const path = join(REPO, 'docs', doc);
          const headings = names.has(doc) ? (readFileSync(path, 'utf8').match(/^#+ .*$/gm) ?? []) : [];
          if (section && !headings.some((heading) => heading.includes(section)))
            broken.push(`${relative(REPO, file)}: docs/${doc} "${section}"`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('a scheduled job ticks through jobs/scheduled-passes.ts (no job repeats the guard, lease and error handling)', () => {
    const copies = sources(__dirname)
      .filter((file) =>
        /schedulersEnabled\s*\|\||\.runLeased\(|this\.running\s*=\s*true/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(__dirname, file));
    expect(copies).toEqual([`jobs${sep}scheduled-passes.ts`]);
  });
});
