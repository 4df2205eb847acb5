#!/usr/bin/env node
/**
 * `pnpm test`: every test, in order, stopping at the first failing step.
 *   build → typecheck → unit → api-sqlite → api-mysql (real MariaDB) → clients (builds, weapp size budget) → e2e (Chromium)
 * `--only a,b` / `--skip a,b` pick steps. Ends with a summary and one line "N passed, M failed" counting tests.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { startMariaDb } from './mariadb.mjs';
import { log, REPO, run } from './lib.mjs';

const hasScript = (pkg, script) => {
  const file = join(REPO, pkg, 'package.json');
  return existsSync(file) && Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.[script]);
};
const pnpm = (...args) => run('pnpm', args);
const tmp = mkdtempSync(join(tmpdir(), 'mc-test-'));
const counts = { passed: 0, failed: 0 };

/** Runs jest in a package and adds its test counts. */
async function jest(pkg, args, env = {}) {
  const report = join(tmp, `${pkg}-${Date.now()}.json`);
  const code = await run('pnpm', ['--filter', `@member-commerce/${pkg}`, 'exec', 'jest', '--ci', '--json', `--outputFile=${report}`, ...args], { env });
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed += result.numPassedTests;
    counts.failed += result.numFailedTests;
  }
  return code;
}

/** Runs node's test runner and adds its counts (from the spec reporter's summary lines). */
async function nodeTest(files, env = {}) {
  let passed = 0;
  let failed = 0;
  const code = await run(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    env,
    onLine: (line) => {
      const match = line.match(/^ℹ (pass|fail) (\d+)$/) ?? line.match(/^# (pass|fail) (\d+)$/);
      if (match?.[1] === 'pass') passed = Number(match[2]);
      if (match?.[1] === 'fail') failed = Number(match[2]);
    },
  });
  counts.passed += passed;
  counts.failed += failed;
  return code;
}

const steps = [
  {
    name: 'build',
    run: async () => (await pnpm('--filter', '@member-commerce/shared', 'build')) || pnpm('--filter', '@member-commerce/server', 'build'),
  },
  { name: 'typecheck', run: () => pnpm('-r', '--if-present', 'run', 'typecheck') },
  {
    name: 'unit',
    run: async () => (await jest('shared', [])) || jest('server', ['src']),
  },
  { name: 'api-sqlite', run: () => jest('server', ['test/api', 'test/reliability'], { TEST_DB: 'sqlite' }) },
  {
    name: 'api-mysql',
    run: async () => {
      const db = await startMariaDb();
      try {
        return await jest('server', ['test/api', 'test/reliability'], { TEST_DB: 'mysql', TEST_MYSQL_ADMIN_URL: db.adminUrl });
      } finally {
        await db.stop();
      }
    },
  },
  {
    name: 'clients',
    run: async () => {
      if (hasScript('admin', 'build') && (await pnpm('--filter', '@member-commerce/admin', 'build'))) return 1;
      if (!hasScript('miniprogram', 'build:weapp')) return 0;
      return (
        (await pnpm('--filter', '@member-commerce/miniprogram', 'build:weapp')) ||
        (await pnpm('--filter', '@member-commerce/miniprogram', 'check-size')) ||
        pnpm('--filter', '@member-commerce/miniprogram', 'build:h5')
      );
    },
  },
  {
    name: 'e2e',
    run: async () => {
      const dir = join(REPO, 'test/e2e');
      const specs = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.e2e-spec.mjs')).map((file) => join(dir, file)) : [];
      if (!specs.length) return 0;
      const chromium = await ensureChromium();
      return nodeTest(specs, { CHROMIUM_PATH: chromium, E2E_SKIP_BUILD: '1' });
    },
  },
];

const arg = (flag) => {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? new Set(process.argv[index + 1].split(',')) : undefined;
};
const only = arg('--only');
const skip = arg('--skip') ?? new Set();
const selected = steps.filter((step) => (!only || only.has(step.name)) && !skip.has(step.name));

const results = [];
let failedStep;
for (const step of selected) {
  log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  let code;
  try {
    code = await step.run();
  } catch (error) {
    log(`✗ ${step.name}: ${error.message}`);
    code = 1;
  }
  results.push({ step: step.name, seconds: ((Date.now() - started) / 1000).toFixed(1), result: code === 0 ? 'ok' : `FAILED (${code})` });
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}
rmSync(tmp, { recursive: true, force: true });

log('\n━━ summary ━━');
for (const row of results) log(`${row.step.padEnd(12)} ${row.seconds.padStart(7)} s  ${row.result}`);
if (failedStep) {
  for (const step of selected.slice(results.length)) log(`${step.name.padEnd(12)}       -    not run`);
  if (counts.failed === 0) counts.failed = 1;
}
log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(failedStep ? 1 : 0);
