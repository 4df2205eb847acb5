#!/usr/bin/env node
// `pnpm bench`: builds shared and server, runs every test/bench/*.bench.mjs in turn and rewrites
// docs/benchmarks.md with the machine, the date and each benchmark's section. Figures, never pass/fail.
//   pnpm bench                      all benchmarks, 5 s per measurement
//   pnpm bench -- --only catalogue  some of them (the other sections of docs/benchmarks.md are kept)
//   pnpm bench -- --seconds 10      longer measurements
// A benchmark module exports `title` and a default `async (ctx) => markdown`; ctx gives `seconds`, `log`
// and `mysqlDatabase(name)` (a fresh database on one throwaway MariaDB shared by the whole run).
// Benchmark-specific notes that must survive a rewrite (profiles, before/after) live in
// test/bench/<name>.notes.md and are appended to that benchmark's section.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, log, run, secondsSince } from './lib.mjs';
import { startMariaDb } from './mariadb.mjs';

const BENCH_DIR = join(REPO, 'test/bench');
const DOC = join(REPO, 'docs/benchmarks.md');

function parseArgs(argv) {
  const options = { only: undefined, seconds: 5 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') continue;
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--only') options.only = new Set(value().split(','));
    else if (flag === '--seconds') options.seconds = Number(value());
    else throw new Error(`unknown argument ${argv[i]} (use --only <names> or --seconds <n>)`);
  }
  return options;
}

const section = (name, title, body) => `<!-- bench:${name} -->\n## ${title}\n\n${body.trim()}\n<!-- /bench:${name} -->`;

/** Sections already in the doc, by name, so a partial run keeps the others. */
function previousSections() {
  const text = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  return new Map([...text.matchAll(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)].map((m) => [m[1], m[0]]));
}

function machine() {
  const cores = cpus();
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}, Node ${process.version}`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.mjs'))
    .sort()
    .map((file) => ({ name: file.replace(/\.bench\.mjs$/, ''), file: join(BENCH_DIR, file) }))
    .filter(({ name }) => !options.only || options.only.has(name));
  if (!files.length)
    throw new Error(
      `no benchmark matches (have: ${readdirSync(BENCH_DIR)
        .filter((f) => f.endsWith('.bench.mjs'))
        .join(', ')})`,
    );

  const started = Date.now();
  const loadBefore = loadavg()[0];
  for (const pkg of ['@member-commerce/shared', '@member-commerce/server']) {
    const { code } = await run('pnpm', ['--filter', pkg, 'build']);
    if (code !== 0) throw new Error(`building ${pkg} failed`);
  }
  let mariadb;
  const ctx = {
    seconds: options.seconds,
    log,
    async mysqlDatabase(name) {
      mariadb ??= await startMariaDb({ log });
      const { createMysqlDatabase } = await import(pathToFileURL(join(BENCH_DIR, 'lib/db.mjs')).href);
      return createMysqlDatabase(mariadb.adminUrl, name);
    },
  };
  const sections = previousSections();
  try {
    for (const { name, file } of files) {
      const benchStarted = Date.now();
      log(`\n▶ ${name}`);
      const bench = await import(pathToFileURL(file).href);
      const body = await bench.default(ctx);
      const notes = join(BENCH_DIR, `${name}.notes.md`);
      const full = existsSync(notes) ? `${body}\n\n${readFileSync(notes, 'utf8')}` : body;
      sections.set(name, section(name, bench.title ?? name, `${full}\n\n_${name}: ${secondsSince(benchStarted)} s_`));
    }
  } finally {
    await mariadb?.stop();
  }
  const header = [
    '# Benchmarks',
    '',
    'Written by `pnpm bench` (scripts/bench.mjs), which runs every `test/bench/*.bench.mjs`: figures, never pass/fail.',
    'Client, servers and databases share the machine, so absolute numbers are conservative; ratios against the raw',
    'baselines measured in the same run are the figures to compare.',
    '',
    `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ` +
      `${options.only ? `ran ${[...options.only].join(', ')} (other sections from earlier runs)` : 'all benchmarks'}, ${secondsSince(started)} s; ` +
      `load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after (more than the core count means other work shared the machine).`,
  ].join('\n');
  writeFileSync(DOC, `${header}\n\n${[...sections.values()].join('\n\n')}\n`);
  log(`\nWrote ${DOC} in ${secondsSince(started)} s`);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});
