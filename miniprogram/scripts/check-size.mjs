#!/usr/bin/env node
// Measures the weapp build (dist/weapp): main package (everything outside the subpackage roots listed
// in app.json) against a 1 MB budget, each subpackage, and the total. Exit 1 when over budget.
// Also reports the H5 build's JS size, raw and gzipped, when dist/h5 exists.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const weapp = join(root, 'dist', 'weapp');
const h5 = join(root, 'dist', 'h5');
const MAIN_BUDGET = Number(process.env.MAIN_PACKAGE_BUDGET_BYTES ?? 1024 * 1024);
// WeChat's own limits: 2 MB per package (main or sub), 20 MB in all.
const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!existsSync(join(weapp, 'app.json'))) {
  console.error(`No weapp build at ${weapp}: run pnpm --filter @member-commerce/miniprogram build:weapp first.`);
  process.exit(1);
}

const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const sizes = { main: 0, total: 0, sub: Object.fromEntries(roots.map((r) => [r, 0])) };

for (const file of files(weapp)) {
  const rel = relative(weapp, file).split(sep).join('/');
  if (rel.endsWith('.map')) continue; // source maps are not uploaded
  const size = statSync(file).size;
  sizes.total += size;
  const owner = roots.find((r) => rel.startsWith(`${r}/`));
  if (owner) sizes.sub[owner] += size;
  else sizes.main += size;
}

let failed = false;
console.log('weapp build sizes (dist/weapp)');
console.log(`  main package     ${kb(sizes.main).padStart(10)}  (budget ${kb(MAIN_BUDGET)})`);
for (const [r, size] of Object.entries(sizes.sub)) {
  console.log(`  ${r.padEnd(16)} ${kb(size).padStart(10)}`);
  if (size > WECHAT_PACKAGE_LIMIT) {
    console.error(`  ✗ subpackage ${r} exceeds WeChat's 2 MB limit`);
    failed = true;
  }
}
console.log(`  total            ${kb(sizes.total).padStart(10)}`);
if (sizes.main > MAIN_BUDGET) {
  console.error(`✗ main package ${kb(sizes.main)} is over the ${kb(MAIN_BUDGET)} budget`);
  failed = true;
} else {
  console.log(`✓ main package within budget (${((sizes.main / MAIN_BUDGET) * 100).toFixed(0)} %)`);
}

if (existsSync(h5)) {
  const js = files(h5).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + statSync(f).size, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  console.log(`h5 build JS: ${js.length} files, ${kb(raw)} raw, ${kb(gz)} gzip`);
}

process.exit(failed ? 1 : 0);
