#!/usr/bin/env node
// `pnpm start`: builds whatever is missing or older than its sources, then runs the server in the foreground
// (it migrates, seeds an empty SQLite with demo data, serves /api, /admin/ and /h5/ and prints the URLs).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { REPO, run, secondsSince } from './lib.mjs';

const SHARED_MARKER = 'shared/dist/cjs/package.json';

// Each target is rebuilt when its marker (a file its build writes last) is missing or older than any input.
// Everything but shared also depends on shared's build: the server type-checks against it, the clients bundle it.
const targets = [
  { dir: 'shared', script: 'build', marker: SHARED_MARKER },
  { dir: 'server', script: 'build', marker: 'server/dist/main.js', dependsOn: [SHARED_MARKER] },
  { dir: 'admin', script: 'build', marker: 'admin/dist/index.html', dependsOn: [SHARED_MARKER] },
  { dir: 'miniprogram', script: 'build:h5', marker: 'miniprogram/dist/h5/index.html', dependsOn: [SHARED_MARKER] },
];
const INPUTS = [
  'src',
  'config',
  'index.html',
  'vite.config.ts',
  'babel.config.js',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'tsconfig.esm.json',
  'tsconfig.cjs.json',
];

function hasScript(dir, script) {
  const file = join(REPO, dir, 'package.json');
  return existsSync(file) && Boolean(JSON.parse(readFileSync(file, 'utf8')).scripts?.[script]);
}

/** True when any file under `path` (skipping node_modules and dist) was modified after `time`. */
function changedSince(path, time) {
  if (!existsSync(path)) return false;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(path).some(
    (entry) => entry !== 'node_modules' && entry !== 'dist' && changedSince(join(path, entry), time),
  );
}

function isStale({ dir, marker, dependsOn = [] }) {
  const output = join(REPO, marker);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return [...INPUTS.map((input) => join(REPO, dir, input)), ...dependsOn.map((file) => join(REPO, file))].some((path) =>
    changedSince(path, built),
  );
}

async function build({ dir, script, marker }) {
  const started = Date.now();
  process.stdout.write(`building ${dir}… `);
  const { code, output } = await run('pnpm', ['--filter', `@member-commerce/${dir}`, script], { capture: true });
  if (code === 0) {
    process.stdout.write(`${secondsSince(started)} s\n`);
    return;
  }
  process.stdout.write(`failed after ${secondsSince(started)} s\n\n${output.trimEnd()}\n\n`);
  // A failing tsc still emits files: age the marker so the next start rebuilds instead of running stale output.
  if (existsSync(join(REPO, marker))) utimesSync(join(REPO, marker), 0, 0);
  console.error(
    `building ${dir} failed; fix it, or run "pnpm --filter @member-commerce/${dir} ${script}" to see the build alone.`,
  );
  process.exit(code);
}

for (const target of targets) {
  if (hasScript(target.dir, target.script) && isStale(target)) await build(target);
}

// The server runs in its own process group and gets each signal from us exactly once: Ctrl-C in a terminal
// reaches the whole foreground group and pnpm forwards it again, and a second SIGINT would make Nest skip
// its graceful shutdown.
const server = spawn(process.execPath, [join(REPO, 'server/dist/main.js')], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: process.env,
  detached: true,
});
let lastForward = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (Date.now() - lastForward < 1000) return;
    lastForward = Date.now();
    server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
