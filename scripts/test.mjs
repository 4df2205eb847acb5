#!/usr/bin/env node
// `pnpm test`: every test, in order, stopping at the first failing step, then a summary table and a last
// line "<passed> passed, <failed> failed" counting tests.
//   build → api-client (generated client matches /api/docs-json; no URL outside it) → typecheck → lint (+ knip) → unit → api-sqlite → api-mysql (throwaway MariaDB) → reliability-2p (two server processes on one
//   MariaDB behind a round-robin proxy) → clients (builds, weapp size budget) → e2e (Chromium)
// Developers: `pnpm test -- --only unit,api-sqlite` or `pnpm test -- --skip e2e` (`pnpm test --only` is taken by pnpm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { REPO, log, run, secondsSince } from './lib.mjs';
import { startMariaDb } from './mariadb.mjs';

const SHARED = '@member-commerce/shared';
const SERVER = '@member-commerce/server';
const ADMIN = '@member-commerce/admin';
const MINIPROGRAM = '@member-commerce/miniprogram';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR && !process.env.CI;
const paint = (code) => (text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const [bold, green, red, dim] = [paint('1'), paint('32'), paint('31'), paint('2')];

class StepFailed extends Error {}

/** Tests counted in the current step, from the runners' own summary lines (jest's "Tests:", node's "ℹ pass"). */
let tests = { passed: 0, failed: 0, seen: false };

function countTests(text) {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes
  const line = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim();
  const jest = line.match(/^Tests:\s+(.*)total$/);
  const node = line.match(/^ℹ (pass|fail) (\d+)$/);
  if (jest) {
    tests.passed += Number(jest[1].match(/(\d+) passed/)?.[1] ?? 0);
    tests.failed += Number(jest[1].match(/(\d+) failed/)?.[1] ?? 0);
  } else if (node) {
    tests[node[1] === 'pass' ? 'passed' : 'failed'] += Number(node[2]);
  }
  tests.seen ||= Boolean(jest || node);
}

/** Runs a command, passing its output through (and counting tests); throws when it fails. */
async function sh(command, args, env = {}) {
  log(dim(`$ ${command} ${args.join(' ')}`));
  // Output goes through a pipe so tests can be counted: keep the runners' colours when ours are on.
  const onLine = (line, stream) => {
    process[stream].write(`${line}\n`);
    countTests(line);
  };
  const { code } = await run(command, args, { env: { ...(useColor && { FORCE_COLOR: '1' }), ...env }, onLine });
  if (code !== 0) throw new StepFailed(`${command} ${args.join(' ')} exited with ${code}`);
}
const pnpm = (args, env) => sh('pnpm', args, env);

function hasScript(dir, script) {
  const file = join(REPO, dir, 'package.json');
  return existsSync(file) && Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.[script]);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function e2eSpecs() {
  const dir = join(REPO, 'test/e2e');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.e2e-spec.mjs'))
    .sort()
    .map((file) => join(dir, file));
}

/** Each step either resolves (passed), returns { skipped: reason }, or throws (failed). */
const steps = [
  {
    name: 'build',
    title: 'build shared and server',
    run: async () => {
      await pnpm(['--filter', SHARED, 'build']);
      await pnpm(['--filter', SERVER, 'build']);
    },
  },
  {
    name: 'api-client',
    title: 'the generated API client matches the server; the apps call the API only through it',
    run: async () => {
      // Fails, naming the files, when shared/src/api/generated/* differ from what the built server describes.
      await sh(process.execPath, ['scripts/generate-api-client.mjs', '--check']);
      await sh(process.execPath, ['--test', '--test-reporter=spec', 'scripts/api-client.test.mjs']);
    },
  },
  { name: 'typecheck', title: 'typecheck every package', run: () => pnpm(['-r', '--if-present', 'run', 'typecheck']) },
  {
    name: 'lint',
    title:
      'format (Prettier), lint (ESLint) and dead code (knip: unused files, exports, dependencies) in every package',
    run: async () => {
      await pnpm(['exec', 'prettier', '--check', '--log-level', 'warn', '.']);
      await pnpm(['exec', 'eslint', '--max-warnings', '20', '.']);
      // knip.json names each package's entry points (Nest boot, CLIs, the schema generator's input, specs, Taro pages).
      await pnpm(['exec', 'knip', '--no-progress']);
    },
  },
  { name: 'unit', title: 'shared unit tests', run: () => pnpm(['--filter', SHARED, 'test']) },
  {
    name: 'api-sqlite',
    title: 'server unit and API tests on SQLite',
    run: () => pnpm(['--filter', SERVER, 'test'], { TEST_DB: 'sqlite' }),
  },
  {
    name: 'api-mysql',
    title: 'server API tests on MariaDB',
    run: async () => {
      const db = await startMariaDb({ log });
      try {
        // An absolute path as the pattern: a bare "test/" would match everything if the checkout lived under a test/ folder.
        const apiSpecs = escapeRegExp(join(REPO, 'server', 'test') + '/');
        await pnpm(['--filter', SERVER, 'exec', 'jest', apiSpecs], {
          TEST_DB: 'mysql',
          TEST_MYSQL_ADMIN_URL: db.adminUrl,
        });
      } finally {
        await db.stop();
      }
    },
  },
  {
    name: 'reliability-2p',
    title: 'reliability specs on two server processes sharing one MariaDB',
    run: async () => {
      const db = await startMariaDb({ log });
      try {
        // Every *.reliability-spec.ts; they spawn the built server (the build step made it) TEST_PROCESSES times.
        const reliabilitySpecs = escapeRegExp(join(REPO, 'server', 'test', 'reliability') + '/');
        await pnpm(['--filter', SERVER, 'exec', 'jest', reliabilitySpecs], {
          TEST_DB: 'mysql',
          TEST_MYSQL_ADMIN_URL: db.adminUrl,
          TEST_PROCESSES: '2',
        });
      } finally {
        await db.stop();
      }
    },
  },
  {
    name: 'clients',
    title: 'client builds and the weapp size budget',
    run: async () => {
      const builds = [
        [ADMIN, 'admin', 'build'],
        [MINIPROGRAM, 'miniprogram', 'build:weapp'],
        [MINIPROGRAM, 'miniprogram', 'check-size'],
        [MINIPROGRAM, 'miniprogram', 'build:h5'],
      ].filter(([, dir, script]) => hasScript(dir, script));
      if (builds.length === 0) return { skipped: 'no client build scripts' };
      for (const [name, , script] of builds) await pnpm(['--filter', name, script]);
    },
  },
  {
    name: 'e2e',
    title: 'browser end-to-end tests',
    run: async () => {
      const specs = e2eSpecs();
      if (specs.length === 0) return { skipped: 'no test/e2e/*.e2e-spec.mjs' };
      const chromium = await ensureChromium({ log });
      // One file at a time: each spec starts its own server and browser, and 2 cores do not take more.
      await sh(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
        CHROMIUM_PATH: chromium,
      });
    },
  },
];

function parseArgs(argv) {
  const names = new Set(steps.map((step) => step.name));
  const lists = { only: undefined, skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') continue; // `pnpm test -- --only unit` passes the separator through
    const [flag, inline] = argv[i].split('=', 2);
    const key = flag.replace(/^--/, '');
    if (flag === '--help' || flag === '-h') {
      log(`usage: pnpm test [--only <steps>] [--skip <steps>]   steps: ${[...names].join(',')}`);
      process.exit(0);
    }
    if (!(key in lists) || !flag.startsWith('--')) throw new Error(`unknown argument ${argv[i]} (try --help)`);
    const value = inline ?? argv[++i];
    const picked = (value ?? '').split(',').filter(Boolean);
    const unknown = picked.filter((name) => !names.has(name));
    if (picked.length === 0 || unknown.length) {
      throw new Error(
        `--${key} needs step names from: ${[...names].join(',')}${unknown.length ? ` (unknown: ${unknown.join(',')})` : ''}`,
      );
    }
    lists[key] = new Set([...(key === 'skip' ? lists.skip : []), ...picked]);
  }
  return steps.filter((step) => (!lists.only || lists.only.has(step.name)) && !lists.skip.has(step.name));
}

let selected;
try {
  selected = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const results = [];
for (const step of selected) {
  if (results.some((result) => result.status === 'failed')) {
    results.push({ step, status: 'not run', seconds: '' });
    continue;
  }
  log(`\n${bold(`▶ ${step.name}: ${step.title}`)}`);
  const started = Date.now();
  tests = { passed: 0, failed: 0, seen: false };
  try {
    const outcome = await step.run();
    results.push({
      step,
      status: outcome?.skipped ? 'skipped' : 'passed',
      note: outcome?.skipped,
      seconds: secondsSince(started),
      tests,
    });
  } catch (error) {
    const message = error instanceof StepFailed ? error.message : (error.stack ?? String(error));
    console.error(red(`✗ ${step.name}: ${message}`));
    results.push({ step, status: 'failed', note: error.message.split('\n')[0], seconds: secondsSince(started), tests });
  }
}

const colored = { passed: green, failed: red, skipped: dim, 'not run': dim };
log(`\n${bold('Summary')}`);
const testCount = (t) => (t?.seen ? `${t.passed} passed${t.failed ? `, ${t.failed} failed` : ''}` : '');
const row = (step, seconds, testsText, result) =>
  `${step.padEnd(14)} ${seconds.padStart(8)}  ${testsText.padEnd(22)} ${result}`.trimEnd();
log(row('step', 'seconds', 'tests', 'result'));
for (const { step, status, note, seconds, tests: counted } of results) {
  log(row(step.name, seconds, testCount(counted), `${colored[status](status)}${note ? dim(`  (${note})`) : ''}`));
}
const total = (key) => results.reduce((sum, result) => sum + (result.tests?.[key] ?? 0), 0);
log(row('all tests', '', testCount({ seen: true, passed: total('passed'), failed: total('failed') }), ''));
// The last line counts tests (a step that failed outside any test, like a build, counts as one failure); tools parse it.
const failedSteps = results.filter((result) => result.status === 'failed').length;
log(`${total('passed')} passed, ${total('failed') || failedSteps} failed`);
process.exit(failedSteps ? 1 : 0);
