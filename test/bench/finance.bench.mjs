/**
 * Finance at size on MariaDB: the ledger export (CSV and XLSX) of 100k and 1M ledger rows and the monthly report over
 * all of them, through the real built server, each beside a raw baseline run in the benchmark process right before it
 * (mysql2 row stream → the same CSV; for the report, mysql2 streaming the same ledger rows and summing them, i.e. the
 * least any report must read). Figures only, never pass/fail. `FINANCE_BENCH_ROWS` (default 1,000,000) sets the size.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { cpuOf, rssOf } from './lib/proc.mjs';
import { BENCH_JWT_SECRET, REPO, startServer } from './lib/start-server.mjs';

export const title = 'Finance at size: ledger export and monthly report against raw mysql2 baselines';

const TOTAL = Number(process.env.FINANCE_BENCH_ROWS ?? 1_000_000);
const ROWS_PER_DAY = 2880; // one entry every 30 s
const requireServer = createRequire(join(REPO, 'server/package.json'));
const mysql = requireServer('mysql2');
const mysqlPromise = requireServer('mysql2/promise');

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n) => Math.round(n).toLocaleString('en');
const dayText = (day) => new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** Runs `work` sampling `pid`'s RSS every 20 ms; returns its result, seconds, the CPU seconds `pid` used and the peak. */
export async function measure(pid, work) {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const started = process.hrtime.bigint();
  const cpuBefore = cpuOf(pid);
  try {
    const result = await work();
    return {
      result,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      cpu: cpuOf(pid) - cpuBefore,
      peak: Math.max(peak, rssOf(pid)),
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * TOTAL ledger rows from 2021-01-01 (Shanghai), one every 30 s: payments, every 20th a refund of the one before.
 * Payments carry goodsFen 0 as the hooks write them for tiers without standalone prices (NULL would make the backfill
 * allocate each one in its own transaction).
 */
export async function seedLedger(url) {
  const db = await mysqlPromise.createConnection(url);
  const started = Date.now();
  const base = Date.UTC(2020, 11, 31, 16, 0, 0);
  for (let from = 0; from < TOTAL; from += 5000) {
    const values = [];
    for (let i = from; i < Math.min(TOTAL, from + 5000); i++) {
      const at = new Date(base + i * 30_000).toISOString().slice(0, 23).replace('T', ' ');
      const refund = i % 20 === 19;
      const order = refund ? 100_000 + i - 1 : 100_000 + i;
      values.push(
        `('bench:${i}','${refund ? 'REFUND' : 'PAYMENT'}','${at}',${order},'MCBENCH${String(order).padStart(18, '0')}',${1 + (i % 5000)},${1 + (i % 2)},${refund ? -100_000 : 100_000 + (i % 97)},${refund ? 'NULL' : 365},${refund ? 'NULL' : 0},'4200BENCH${i}')`,
      );
    }
    await db.query(
      `INSERT INTO ledger_entry (sourceKey, kind, occurredAt, orderId, outTradeNo, customerId, tierId, amountFen, serviceDays, goodsFen, channelTransactionId) VALUES ${values.join(',')}`,
    );
  }
  const [inserted] = await db.query(
    "INSERT INTO staff_user (username, passwordHash, role, active) VALUES ('bench-finance', '-', 'finance', 1)",
  );
  await db.query(
    "INSERT INTO tier (code, name, description, priceFen, termUnit, termLength, status, sortOrder, defaultDiscountBp, giftPackChoices) VALUES ('ANNUAL', '年卡会员', '', 100000, 'MONTH', 12, 'ACTIVE', 1, 1000, 1), ('BLACK', '黑金会员', '', 299900, 'MONTH', 12, 'ACTIVE', 2, 1500, 1)",
  );
  await db.end();
  return { staffId: inserted.insertId, seconds: (Date.now() - started) / 1000 };
}

/** `finance:backfill` on the seeded ledger: rebuilds the report's materialised figures (the rows were inserted raw). */
async function backfill(url) {
  const started = Date.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(REPO, 'server/dist/finance/backfill/backfill.command.js')],
    {
      env: { ...process.env, DATABASE_URL: url, WECHAT_MODE: 'dev', JWT_SECRET: BENCH_JWT_SECRET, LOG_LEVEL: 'warn' },
      maxBuffer: 1 << 20,
    },
  );
  return { seconds: (Date.now() - started) / 1000, output: stdout.trim().split('\n').pop() };
}

/** Reads a streamed download to the end, counting bytes (nothing is kept) and when the first came. */
export async function download(url, headers) {
  const started = Date.now();
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  let bytes = 0;
  let firstMs;
  for await (const chunk of res.body) {
    firstMs ??= Date.now() - started;
    bytes += chunk.length;
  }
  return { bytes, firstMs };
}

/** mysql2's row stream in this process, handing each row to `onRow`. */
function streamQuery(url, sql, params, onRow) {
  const connection = mysql.createConnection(`${url}?timezone=Z`);
  return new Promise((resolve, reject) => {
    connection.query(sql, params).stream().on('data', onRow).on('end', resolve).on('error', reject);
  }).finally(() => connection.end());
}

/** The export's raw baseline: the same rows into the same CSV text. */
export async function rawCsv(url, toDay) {
  const from = new Date(Date.UTC(2021, 0, 1) - 8 * 3600_000);
  const to = new Date(Date.UTC(2021, 0, 1) + (toDay + 1) * 86_400_000 - 8 * 3600_000);
  const yuan = (fen) =>
    `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
  let rows = 0;
  let bytes = 0;
  let buffer =
    '\uFEFF记账时间,类型,商户订单号,订单ID,客户ID,会员卡ID,会员期ID,金额（元）,金额（分）,微信支付/退款单号\r\n';
  await streamQuery(
    url,
    'SELECT id, occurredAt, kind, outTradeNo, orderId, customerId, tierId, termId, amountFen, channelTransactionId FROM ledger_entry WHERE occurredAt >= ? AND occurredAt < ? ORDER BY occurredAt, id',
    [from, to],
    (row) => {
      const local = new Date(row.occurredAt.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
      buffer += `${local},${row.kind},${row.outTradeNo ?? ''},${row.orderId ?? ''},${row.customerId},${row.tierId ?? ''},${row.termId ?? ''},${yuan(row.amountFen)},${row.amountFen},${row.channelTransactionId ?? ''}\r\n`;
      rows++;
      if (buffer.length > 65536) {
        bytes += Buffer.byteLength(buffer);
        buffer = '';
      }
    },
  );
  return { rows, bytes: bytes + Buffer.byteLength(buffer) };
}

/** The report's raw baseline: the ledger rows the report reads, in its order, summed per (tier, month). */
async function rawReport(url) {
  const sums = new Map();
  let rows = 0;
  await streamQuery(
    url,
    "SELECT orderId, kind, occurredAt, amountFen, tierId FROM ledger_entry WHERE orderId IS NOT NULL AND kind IN ('PAYMENT', 'REFUND', 'DELIVERY') ORDER BY orderId, id",
    [],
    (row) => {
      const key = `${row.tierId}:${row.occurredAt.toISOString().slice(0, 7)}`;
      sums.set(key, (sums.get(key) ?? 0) + row.amountFen);
      rows++;
    },
  );
  return rows;
}

export default async function financeBench(ctx) {
  const url = await ctx.mysqlDatabase('bench_finance');
  let server = await startServer({ databaseUrl: url, env: { SEED_DEMO: '0' } });
  const seeded = await seedLedger(url);
  ctx.log(`seeded ${rate(TOTAL)} ledger rows in ${seeded.seconds.toFixed(1)} s`);
  const { JwtService } = requireServer('@nestjs/jwt');
  const auth = {
    authorization: `Bearer ${new JwtService({ secret: BENCH_JWT_SECRET }).sign({ sub: seeded.staffId, typ: 'staff' }, { expiresIn: 7200 })}`,
  };
  const small = Math.min(100_000, TOTAL);
  const ranges = [
    { rows: small, toDay: Math.ceil(small / ROWS_PER_DAY) - 1 },
    { rows: TOTAL, toDay: Math.ceil(TOTAL / ROWS_PER_DAY) - 1 },
  ];
  const lines = [];
  const idle = {};
  const loads = [];
  try {
    // A fresh server per format: 100k then 1M in one process shows whether memory grows with the rows.
    for (const format of ['csv', 'xlsx']) {
      await server.stop();
      server = await startServer({ databaseUrl: url, env: { SEED_DEMO: '0' } });
      idle[format] = rssOf(server.pid);
      for (const range of ranges) {
        const raw = await measure(process.pid, () => rawCsv(url, range.toDay));
        const rawRate = raw.result.rows / raw.seconds;
        const run = await measure(server.pid, () =>
          download(
            `${server.base}/api/admin/finance/export?from=${dayText(0)}&to=${dayText(range.toDay)}&format=${format}`,
            auth,
          ),
        );
        const rows = Math.min(range.rows, raw.result.rows);
        loads.push(loadavg()[0]);
        ctx.log(
          `${format} ${rate(rows)} rows: ${run.seconds.toFixed(1)} s, ${rate(rows / run.seconds)} rows/s (${(rows / run.seconds / rawRate).toFixed(2)} × raw), first byte ${run.result.firstMs} ms, server CPU ${run.cpu.toFixed(1)} s, peak RSS ${mb(run.peak)}`,
        );
        lines.push(
          `| ledger ${format.toUpperCase()} | ${rate(rows)} | ${run.seconds.toFixed(1)} s | ${rate(rows / run.seconds)} rows/s | ${rate(rawRate)} rows/s | ${(rows / run.seconds / rawRate).toFixed(2)} | ${run.result.firstMs} ms | ${run.cpu.toFixed(1)} s (${rate(rows / run.cpu)} rows/s) | ${mb(idle[format])} → ${mb(run.peak)} | ${mb(run.result.bytes)} |`,
        );
      }
    }
    await server.stop();
    server = undefined;
    const rebuilt = await backfill(url);
    ctx.log(`finance:backfill over ${rate(TOTAL)} rows: ${rebuilt.seconds.toFixed(1)} s (${rebuilt.output})`);
    lines.push(
      `| finance:backfill (rebuilds the materialised figures) | ${rate(TOTAL)} ledger rows | ${rebuilt.seconds.toFixed(1)} s | — | — | — | — | — | — | — |`,
    );
    server = await startServer({ databaseUrl: url, env: { SEED_DEMO: '0' } });
    const rawRun = await measure(process.pid, () => rawReport(url));
    const report = await measure(server.pid, async () => {
      const res = await fetch(`${server.base}/api/admin/finance/report?from=2021-01&to=2021-12`, { headers: auth });
      if (!res.ok) throw new Error(`report → ${res.status}`);
      return res.json();
    });
    loads.push(loadavg()[0]);
    ctx.log(
      `monthly report over ${rate(TOTAL)} rows: ${report.seconds.toFixed(2)} s (raw read ${rawRun.seconds.toFixed(2)} s)`,
    );
    lines.push(
      `| monthly report, 12 months (materialised) | ${rate(TOTAL)} ledger rows | ${report.seconds.toFixed(2)} s | — | ${rawRun.seconds.toFixed(2)} s to read them | ${(report.seconds / rawRun.seconds).toFixed(2)} × the read | — | ${report.cpu.toFixed(2)} s | ${mb(report.peak)} peak | — |`,
    );
  } finally {
    await server?.stop();
  }
  return [
    `${rate(TOTAL)} ledger rows (one every 30 s from 2021-01-01, every 20th a refund) inserted with multi-row INSERTs in ${seeded.seconds.toFixed(1)} s on MariaDB.`,
    'The server streams `GET /api/admin/finance/export` (ledger, 100k rows then the whole range) and answers `GET /api/admin/finance/report`;',
    'the client reads each answer to the end. Baselines run in the benchmark process right before each measurement: mysql2 streaming the',
    'same rows into the same CSV (exports), and mysql2 streaming the ledger rows the report computed from before materialisation (report). The',
    "rows are inserted raw, so `finance:backfill` rebuilds the report's materialised figures before the report is asked. RSS is the server's, sampled every 20 ms",
    '(idle → peak; a fresh server per format). First byte: from the request to the first bytes of the body. Server CPU: user + system',
    'seconds the server process used for the answer, and rows per CPU-second (what the wall-clock rate becomes when the server has a core',
    `of its own). 1-minute load average after each measurement: ${loads.map((load) => load.toFixed(1)).join(', ')} on ${cpus().length} cores.`,
    '',
    '| what | rows | time | server | raw baseline | ratio | first byte | server CPU | server RSS | file |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
    'Goals (issue #20): export ≥ 100k rows/s with RSS < 256 MB; monthly report < 1 s over 1M ledger entries.',
  ].join('\n');
}
