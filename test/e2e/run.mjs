#!/usr/bin/env node
// Storefront e2e entry point (pnpm --filter @member-commerce/test e2e):
//   1. builds the weapp target and checks its main package against the 1 MB budget;
//   2. builds the H5 target the server serves at /h5/;
//   3. builds the server when server/dist/main.js is missing;
//   4. runs storefront.e2e-spec.mjs (real server, fresh SQLite, dev WeChat, headless Chromium).
// E2E_SKIP_BUILD=1 reuses existing builds (the size check still runs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const skipBuild = process.env.E2E_SKIP_BUILD === '1';

function run(title, cmd, args, cwd = root) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
  if (res.status !== 0) {
    console.error(`✗ ${title} failed (exit ${res.status})`);
    process.exit(res.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}. Install it: apt-get update && apt-get install -y chromium fonts-wqy-microhei`,
  );
  process.exit(1);
}

if (!existsSync(join(root, 'shared/dist/esm/index.js')) || !skipBuild) {
  run('build shared', 'pnpm', ['--filter', '@member-commerce/shared', 'build']);
}
if (!skipBuild || !existsSync(join(root, 'miniprogram/dist/weapp/app.json'))) {
  run('build weapp', 'pnpm', ['--filter', '@member-commerce/miniprogram', 'build:weapp']);
}
if (!skipBuild || !existsSync(join(root, 'miniprogram/dist/h5/index.html'))) {
  run('build h5', 'pnpm', ['--filter', '@member-commerce/miniprogram', 'build:h5']);
}
run('weapp size budget', 'pnpm', ['--filter', '@member-commerce/miniprogram', 'check-size']);
if (!process.env.E2E_BASE_URL && !existsSync(join(root, 'server/dist/main.js'))) {
  run('build server', 'pnpm', ['--filter', '@member-commerce/server', 'build']);
}
run('storefront e2e', process.execPath, [
  '--test',
  '--test-concurrency=1',
  join(root, 'test/e2e/storefront.e2e-spec.mjs'),
]);
