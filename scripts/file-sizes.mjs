#!/usr/bin/env node
// How long the source files are, per package: how many files have ≤50, ≤150, ≤300 and >300 lines, and which are
// over 300 (STYLE.md: most files 50–150 lines, split past ~300). Generated files are left out; specs are counted
// apart from production code.   node scripts/file-sizes.mjs [--markdown]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from './lib.mjs';

const PACKAGES = {
  shared: ['shared/src'],
  server: ['server/src', 'server/scripts'],
  'server tests': ['server/test'],
  admin: ['admin/src'],
  miniprogram: ['miniprogram/src', 'miniprogram/config', 'miniprogram/scripts'],
  'e2e + bench': ['test/e2e', 'test/bench'],
  scripts: ['scripts'],
};
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated', 'migrations']);
const BUCKETS = [
  ['≤50', 50],
  ['≤150', 150],
  ['≤300', 300],
  ['>300', Infinity],
];
const LONG = 300;

function sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(join(REPO, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const isSpec = (file) => /\.(spec|api-spec|reliability-spec|e2e-spec|test|test-d)\.[a-z]+$/.test(file);
const lineCount = (file) => readFileSync(join(REPO, file), 'utf8').replace(/\n$/, '').split('\n').length;

function measure(dirs, { specs }) {
  const files = dirs
    .flatMap(sourceFiles)
    .filter((file) => isSpec(file) === specs)
    .map((file) => ({ file, lines: lineCount(file) }));
  const counts = BUCKETS.map(
    ([, max], i) => files.filter((f) => f.lines <= max && f.lines > (BUCKETS[i - 1]?.[1] ?? 0)).length,
  );
  const long = files.filter((f) => f.lines > LONG).sort((a, b) => b.lines - a.lines);
  return { files: files.length, counts, long };
}

const rows = Object.entries(PACKAGES).flatMap(([name, dirs]) => {
  const specs = name.includes('tests') || name.startsWith('e2e');
  const own = [{ name, ...measure(dirs, { specs }) }];
  // Unit specs beside the code, counted apart.
  const beside = !specs && name !== 'scripts' ? measure(dirs, { specs: true }) : null;
  return beside?.files ? [...own, { name: `${name} specs`, ...beside }] : own;
});

const header = ['package', 'files', ...BUCKETS.map(([label]) => label)];
const table = [header, ...rows.map((row) => [row.name, String(row.files), ...row.counts.map(String)])];
if (process.argv.includes('--markdown')) {
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of table.slice(1)) console.log(`| ${row.join(' | ')} |`);
} else {
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table)
    console.log(row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
}
console.log(`\nFiles over ${LONG} lines:`);
for (const row of rows) {
  for (const { file, lines } of row.long) console.log(`  ${String(lines).padStart(5)}  ${relative('.', file)}`);
}
