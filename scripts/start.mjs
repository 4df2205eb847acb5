#!/usr/bin/env node
/**
 * `pnpm start`: builds whatever is missing or older than its sources, then runs the server in the foreground
 * (it migrates, seeds an empty SQLite with demo data, serves /api, /admin/ and /h5/ and prints the URLs).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { log, REPO, run } from './lib.mjs';

/** Newest modification time under these paths (files or folders), skipping node_modules and dist. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach((path) => visit(join(REPO, path)));
  return latest;
}

const hasScript = (pkg, script) => Boolean(JSON.parse(readFileSync(join(REPO, pkg, 'package.json'), 'utf8')).scripts?.[script]);

const targets = [
  { name: 'shared', output: 'shared/dist/cjs/index.js', sources: ['shared/src'], script: 'build' },
  { name: 'server', output: 'server/dist/main.js', sources: ['server/src', 'shared/src'], script: 'build' },
  { name: 'admin', output: 'admin/dist/index.html', sources: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'shared/src'], script: 'build' },
  { name: 'miniprogram', output: 'miniprogram/dist/h5/index.html', sources: ['miniprogram/src', 'miniprogram/config', 'shared/src'], script: 'build:h5' },
];

for (const target of targets) {
  if (!existsSync(join(REPO, target.name, 'package.json')) || !hasScript(target.name, target.script)) continue;
  const output = join(REPO, target.output);
  if (existsSync(output) && statSync(output).mtimeMs >= newest(target.sources)) continue;
  const started = Date.now();
  log(`building ${target.name}…`);
  const code = await run('pnpm', ['--filter', `@member-commerce/${target.name}`, target.script], { onLine: () => {} });
  if (code !== 0) {
    log(`building ${target.name} failed (exit ${code}); run "pnpm --filter @member-commerce/${target.name} ${target.script}" to see why`);
    process.exit(code);
  }
  log(`built ${target.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const server = spawn(process.execPath, [join(REPO, 'server/dist/main.js')], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
