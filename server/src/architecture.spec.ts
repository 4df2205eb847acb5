import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Folders every feature may use; they import no feature back (database's registry and seed excepted). */
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
        /(update|save|insert)\(\s*Order\b[^)]*status/s.test(text) || /create\(Order,\s*\{[^}]*\bstatus:/s.test(text)
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
});
