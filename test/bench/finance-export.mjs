/**
 * Finance export benchmark on MariaDB: streams the ledger export (CSV and XLSX) of 100k and 1M ledger rows through
 * the real built server and, in this same run, a raw baseline (mysql2 row stream → the same CSV, no Nest, no
 * TypeORM). Reports rows/s, the server's peak RSS during each export, and the ratio to the baseline.
 * Figures only, never pass/fail. Writes docs/bench/finance-export.md.
 *   node test/bench/finance-export.mjs [rows=1000000]
 * Needs `pnpm --filter @member-commerce/server build`. Starts a throwaway MariaDB (scripts/mariadb.mjs) unless
 * TEST_MYSQL_URL points at one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startMariaDb } from '../../scripts/mariadb.mjs';
import { freePort, REPO } from './lib/start-server.mjs';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const SMALL = Math.min(100_000, TOTAL);
const SMALL_DAYS = (rows) => Math.ceil(rows / 2880);
const ROWS_PER_DAY = 2880; // one entry every 30 s
const JWT_SECRET = 'finance-bench-secret-0123456789';
const requireServer = createRequire(join(REPO, 'server/package.json'));
const mysql = requireServer('mysql2');
const mysqlPromise = requireServer('mysql2/promise');

const log = (...args) => console.log(...args);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/** Samples a process's RSS every 20 ms while `work` runs; returns its result, seconds and the peak. */
async function measure(pid, work) {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, peak: Math.max(peak, rssOf(pid)) };
  } finally {
    clearInterval(timer);
  }
}

const dayText = (day) => new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

async function seedLedger(url) {
  const db = await mysqlPromise.createConnection(url);
  const [[{ n }]] = await db.query('SELECT COUNT(*) AS n FROM ledger_entry');
  const started = Date.now();
  const base = Date.UTC(2020, 11, 31, 16, 0, 0); // 2021-01-01 00:00 in Shanghai
  const batch = 5000;
  for (let from = 0; from < TOTAL; from += batch) {
    const values = [];
    for (let i = from; i < Math.min(TOTAL, from + batch); i++) {
      const at = new Date(base + i * 30_000).toISOString().slice(0, 23).replace('T', ' ');
      const refund = i % 20 === 19;
      values.push(
        `('bench:${i}','${refund ? 'REFUND' : 'PAYMENT'}','${at}',${100_000 + i},'MCBENCH${String(i).padStart(18, '0')}',${1 + (i % 5000)},${1 + (i % 2)},${refund ? -100_000 : 100_000 + (i % 97)},${refund ? 'NULL' : 365},'4200BENCH${i}')`,
      );
    }
    await db.query(`INSERT INTO ledger_entry (sourceKey, kind, occurredAt, orderId, outTradeNo, customerId, tierId, amountFen, serviceDays, channelTransactionId) VALUES ${values.join(',')}`);
  }
  await db.end();
  return { existing: Number(n), seconds: (Date.now() - started) / 1000 };
}

async function startServer(url) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO, 'server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, SEED_DEMO: '0', WECHAT_MODE: 'dev', JWT_SECRET, LOG_LEVEL: 'warn', SCHEDULERS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, pid: child.pid, stop: () => (child.exitCode !== null ? Promise.resolve() : new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')))) };
}

/** Reads a streamed download to the end, counting bytes (nothing is kept). */
async function download(url, headers) {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  return bytes;
}

/** The raw baseline: mysql2's row stream straight into the same CSV text, in this process. */
async function rawCsv(url, fromDay, toDay) {
  const connection = mysql.createConnection(url + '?timezone=Z&dateStrings=false');
  const from = new Date(Date.UTC(2021, 0, 1) + fromDay * 86_400_000 - 8 * 3600_000);
  const to = new Date(Date.UTC(2021, 0, 1) + (toDay + 1) * 86_400_000 - 8 * 3600_000);
  const yuan = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
  let rows = 0;
  let bytes = 0;
  let buffer = '\uFEFF记账时间,类型,商户订单号,订单ID,客户ID,会员卡ID,会员期ID,金额（元）,金额（分）,微信支付/退款单号\r\n';
  await new Promise((resolve, reject) => {
    connection
      .query('SELECT id, occurredAt, kind, outTradeNo, orderId, customerId, tierId, termId, amountFen, channelTransactionId FROM ledger_entry WHERE occurredAt >= ? AND occurredAt < ? ORDER BY occurredAt, id', [from, to])
      .stream()
      .on('data', (row) => {
        const local = new Date(row.occurredAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
        buffer += `${local},${row.kind},${row.outTradeNo ?? ''},${row.orderId ?? ''},${row.customerId},${row.tierId ?? ''},${row.termId ?? ''},${yuan(row.amountFen)},${row.amountFen},${row.channelTransactionId ?? ''}\r\n`;
        rows++;
        if (buffer.length > 65536) {
          bytes += Buffer.byteLength(buffer);
          buffer = '';
        }
      })
      .on('end', resolve)
      .on('error', reject);
  });
  bytes += Buffer.byteLength(buffer);
  connection.end();
  return { rows, bytes };
}

const db = await startMariaDb({ log: () => {} });
let server;
try {
  const serverUrl = db.url;
  log(`finance export benchmark: ${TOTAL.toLocaleString('en')} ledger rows on MariaDB, Node ${process.version}, ${cpus().length} cores`);
  server = await startServer(serverUrl);
  const seeded = await seedLedger(serverUrl);
  log(`seeded ${TOTAL.toLocaleString('en')} ledger rows with multi-row INSERTs in ${seeded.seconds.toFixed(1)} s (${Math.round(TOTAL / seeded.seconds).toLocaleString('en')} rows/s)`);
  // No demo seed (its password hashing alone leaves ~70 MB of RSS behind): one finance account and a token signed here.
  const admin = await mysqlPromise.createConnection(serverUrl);
  const [inserted] = await admin.query("INSERT INTO staff_user (username, passwordHash, role, active) VALUES ('bench-finance', '-', 'finance', 1)");
  await admin.query("INSERT INTO tier (code, name, description, priceFen, termUnit, termLength, status, sortOrder, defaultDiscountBp, giftPackChoices) VALUES ('ANNUAL', '年卡会员', '', 100000, 'MONTH', 12, 'ACTIVE', 1, 1000, 1), ('BLACK', '黑金会员', '', 299900, 'MONTH', 12, 'ACTIVE', 2, 1500, 1)").catch((error) => log(`(tiers not inserted: ${error.message})`));
  await admin.end();
  const { JwtService } = requireServer('@nestjs/jwt');
  const token = new JwtService({ secret: JWT_SECRET }).sign({ sub: inserted.insertId, typ: 'staff' }, { expiresIn: 3600 });
  const auth = { authorization: `Bearer ${token}` };
  const ranges = [
    { rows: Math.min(TOTAL, SMALL_DAYS(SMALL) * ROWS_PER_DAY), toDay: SMALL_DAYS(SMALL) - 1 },
    { rows: TOTAL, toDay: Math.ceil(TOTAL / ROWS_PER_DAY) - 1 },
  ];
  const results = [];
  const idle = {};
  // One fresh server per format: 100k then 1M in the same process shows whether memory grows with the rows.
  // The raw baseline runs right before each export, so the ratio compares runs under the same machine load.
  for (const format of ['csv', 'xlsx']) {
    await server.stop();
    server = await startServer(serverUrl);
    idle[format] = rssOf(server.pid);
    for (const range of ranges) {
      const raw = await measure(process.pid, () => rawCsv(serverUrl, 0, range.toDay));
      const rawRate = raw.result.rows / raw.seconds;
      results.push({ rows: raw.result.rows, format: `raw before ${format}`, rowsPerSecond: rawRate, seconds: raw.seconds, peak: raw.peak, bytes: raw.result.bytes });
      log(`raw  ${raw.result.rows.toLocaleString('en').padStart(9)} rows: ${raw.seconds.toFixed(1)} s, ${Math.round(rawRate).toLocaleString('en')} rows/s, bench process peak RSS ${mb(raw.peak)}`);
      const query = `from=${dayText(0)}&to=${dayText(range.toDay)}`;
      const run = await measure(server.pid, () => download(`${server.base}/api/admin/finance/export?${query}&format=${format}`, auth));
      results.push({ rows: range.rows, format, rowsPerSecond: range.rows / run.seconds, seconds: run.seconds, peak: run.peak, bytes: run.result, rawRowsPerSecond: rawRate, idle: idle[format] });
      log(`${format.padEnd(4)} ${range.rows.toLocaleString('en').padStart(9)} rows: ${run.seconds.toFixed(1)} s, ${Math.round(range.rows / run.seconds).toLocaleString('en')} rows/s (${(range.rows / run.seconds / rawRate).toFixed(2)} × raw), ${mb(run.result)} file, server RSS idle ${mb(idle[format])}, peak ${mb(run.peak)}`);
    }
  }
  await server.stop();
  server = await startServer(serverUrl);
  const report = await measure(server.pid, async () => (await fetch(`${server.base}/api/admin/finance/report?from=2021-01&to=2021-12`, { headers: auth })).json());
  log(`monthly report over ${TOTAL.toLocaleString('en')} ledger rows: ${report.seconds.toFixed(1)} s, server peak RSS ${mb(report.peak)}`);

  const row = (r) =>
    r.format.startsWith('raw')
      ? `| raw baseline (mysql2 stream → CSV in the bench process) | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rowsPerSecond).toLocaleString('en')} | — | — | ${mb(r.peak)} | ${mb(r.bytes)} |`
      : `| **${r.format.toUpperCase()}** (server, HTTP) | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${Math.round(r.rowsPerSecond).toLocaleString('en')} | ${(r.rowsPerSecond / r.rawRowsPerSecond).toFixed(2)} | ${mb(r.idle)} | ${mb(r.peak)} | ${mb(r.bytes)} |`;
  const markdown = [
    '## Finance export (MariaDB)',
    '',
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)} at the end: shared machine), Node ${process.version}, MariaDB from scripts/mariadb.mjs, \`node test/bench/finance-export.mjs ${TOTAL}\`.`,
    `${TOTAL.toLocaleString('en')} ledger rows inserted with multi-row INSERTs (${seeded.seconds.toFixed(1)} s). The server streams`,
    '`GET /api/admin/finance/export` (ledger, whole range) from a mysql2 row stream (no entity hydration) through the CSV',
    'writer or exceljs\' streaming WorkbookWriter; the client reads the response to the end and discards it. The raw baseline',
    'formats the same rows into the same CSV straight from mysql2 in the benchmark process, right before each export. Server idle RSS:',
    `CSV ${mb(idle.csv)}, XLSX ${mb(idle.xlsx)} (a fresh server per format, 100k then 1M rows); peak RSS is sampled every 20 ms during each export.`,
    '',
    '| export | rows | time | rows/s | ÷ raw | idle RSS | peak RSS | file |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(row),
    '',
    `Monthly report (\`GET /api/admin/finance/report\`, 12 months) computed over all ${TOTAL.toLocaleString('en')} ledger rows: ${report.seconds.toFixed(1)} s, server peak RSS ${mb(report.peak)}`,
    '(recognition computed at report time from the ledger and terms read as two merged cursors; see docs/finance.md).',
    '',
  ].join('\n');
  mkdirSync(join(REPO, 'docs/bench'), { recursive: true });
  writeFileSync(join(REPO, 'docs/bench/finance-export.md'), markdown);
  log(`\nwrote docs/bench/finance-export.md`);
} finally {
  await server?.stop();
  await db.stop();
}
