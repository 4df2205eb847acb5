/**
 * CPU profile of the catalogue path: starts the built server on seeded SQLite with --cpu-prof, drives
 * `GET /api/products?page=1&pageSize=20` as a member for a few seconds, and prints the top self-time functions.
 * Usage: node test/bench/profile-catalogue.mjs [seconds] [outDir]   (the .cpuprofile opens in Chrome DevTools)
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cannon, fmt } from './lib/load.mjs';
import { json, startServer } from './lib/start-server.mjs';

const seconds = Number(process.argv[2] ?? 5);
const dir = process.argv[3] ?? '/tmp/mc-catalogue-profile';
mkdirSync(dir, { recursive: true });
const server = await startServer({ nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
try {
  const { token } = await json(server.base, '/api/auth/wechat-login', { method: 'POST', body: { code: 'dev:demo-member' } });
  console.log(fmt(await cannon({ url: `${server.base}/api/products?page=1&pageSize=20`, headers: { authorization: `Bearer ${token}` }, seconds })));
} finally {
  await server.stop();
}
const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const stack = (id) => {
  const frames = [];
  for (let at = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at).callFrame);
  return frames;
};
// Start-up (module loading, key generation, seeding) is not the request path: skip samples before the first request.
const first = profile.samples.findIndex((id) => stack(id).some((f) => f.url.includes('storefront-catalog.service')));
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
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${key}`).join('\n');
console.log(`\n${join(dir, file)}\nself time by package (request path only):\n${top(packages, 15)}\n\ntop functions:\n${top(self, 25)}`);
