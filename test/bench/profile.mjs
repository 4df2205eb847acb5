/**
 * CPU profile of one hot path of the built server (started with --cpu-prof), printing self time by package and
 * the top functions of the request path (start-up samples skipped). The .cpuprofile opens in Chrome DevTools.
 *   node test/bench/profile.mjs catalogue [seconds]   GET /api/products as a member, seeded SQLite
 *   node test/bench/profile.mjs checkout [seconds]    the checkout benchmark (spread and drop) on a throwaway MariaDB
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cannon, fmt } from './lib/load.mjs';
import { startMariaDb } from '../../scripts/mariadb.mjs';
import { createMysqlDatabase } from './lib/db.mjs';
import { json, startServer } from './lib/start-server.mjs';
import { statementProbe } from './lib/probe.mjs';
import checkout, { checkoutServerOptions } from './checkout.bench.mjs';

const [scenario = 'catalogue', secondsArg = '5'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const dir = mkdtempSync(join(tmpdir(), `mc-profile-${scenario}-`));
const marker = { catalogue: 'storefront-catalog.service', checkout: 'checkout.service' }[scenario];
if (!marker) throw new Error('scenario: catalogue or checkout');
const mariadb = scenario === 'checkout' ? await startMariaDb({ log: () => {} }) : undefined;
const probe = statementProbe();
const cpuProf = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
const server = await startServer({
  ...(scenario === 'checkout' ? checkoutServerOptions(probe, cpuProf) : { nodeArgs: cpuProf }),
  databaseUrl: mariadb && (await createMysqlDatabase(mariadb.adminUrl, 'profile_checkout')),
});
try {
  if (scenario === 'catalogue') {
    const { token } = await json(server.base, '/api/auth/wechat-login', {
      method: 'POST',
      body: { code: 'dev:demo-member' },
    });
    console.log(
      fmt(
        await cannon({
          url: `${server.base}/api/products?page=1&pageSize=20`,
          headers: { authorization: `Bearer ${token}` },
          seconds,
        }),
      ),
    );
  } else {
    console.log(
      await checkout({
        seconds: seconds / 2,
        log: console.log,
        mysqlDatabase: async () => server.databaseUrl,
        server,
        probe,
      }),
    );
  }
} finally {
  await server.stop();
  await mariadb?.stop();
  probe.cleanup();
}
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()
  .at(-1);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const stack = (id) => {
  const frames = [];
  for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
  return frames;
};
// Start-up (module loading, key generation, seeding) is not the request path: skip samples before the first request.
const first = profile.samples.findIndex((id) => stack(id).some((f) => f.url.includes(marker)));
const bucket = (f) => {
  const m = f.url.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? f.url.match(/\/(server|shared)\/dist\//);
  return m ? m[1] : f.url.startsWith('node:') ? 'node' : f.functionName ? `(${f.functionName})` : '(native)';
};
const self = new Map();
const packages = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  if (i < first) return;
  const f = byId.get(id).callFrame;
  const us = profile.timeDeltas[i] ?? 0;
  total += us;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  packages.set(bucket(f), (packages.get(bucket(f)) ?? 0) + us);
});
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
    .join('\n');
console.log(
  `\n${join(dir, file)}\nself time by package (request path only):\n${top(packages, 15)}\n\ntop functions:\n${top(self, 25)}`,
);
