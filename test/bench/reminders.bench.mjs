/**
 * Renewal-reminder pass on MariaDB: N memberships of which D are due today (spread over the four default rules,
 * half of them holding a consent credit), one pass through the built server (`POST /api/admin/reminders/run`,
 * dev WeChat simulator), timed, with the server's peak RSS during the pass. Then the same pass again (nothing
 * left to send). Returns its section of docs/benchmarks.md (`pnpm bench`); asserts nothing about speed.
 * Sizes: BENCH_REMINDER_SIZES=100000:5000,1000000:50000 (the default).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_JWT_SECRET, freePort, REPO } from './lib/start-server.mjs';

export const title = 'Renewal-reminder pass on MariaDB';
const SIZES = (process.env.BENCH_REMINDER_SIZES ?? '100000:5000,1000000:50000')
  .split(',')
  .map((pair) => pair.split(':').map(Number));
const mysql = createRequire(join(REPO, 'server/package.json'))('mysql2/promise');
const TEMPLATE = 'tmpl_renewal_reminder_dev';
/** The pass runs as if at 10:00 on 1 June 2031 in Shanghai. */
const PASS_AT = '2031-06-01T02:00:00Z';
const DUE_DAYS = { '-30': '2031-07-01', '-7': '2031-06-08', '-1': '2031-06-02', 3: '2031-05-29' };
const ROWS_PER_INSERT = 5000;

const shanghaiMidnight = (day) => Date.parse(`${day}T00:00:00+08:00`);
const sqlTime = (ms) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/** Stops a server process (SIGTERM) and waits for it, also when it has already gone. */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function startServer(databaseUrl, port) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []),
      join(REPO, 'server/dist/main.js'),
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        WECHAT_MODE: 'dev',
        JWT_SECRET: BENCH_JWT_SECRET,
        SEED_DEMO: '1',
        SCHEDULERS: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return child;
}

/** Up to three minutes, as lib/start-server.mjs: migrating and seeding on a shared machine can take that long. */
async function waitHealthy(base, child) {
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start within 180 s');
}

const memoryOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};

/** CPU seconds (user + system) a process has used so far. */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** The mariadbd serving `databaseUrl` (the one scripts/mariadb.mjs started), found by its port. */
function mariadbPid(databaseUrl) {
  const port = new URL(databaseUrl).port;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('mariadbd') && cmd.includes(`--port=${port}`)) return Number(pid);
    } catch {}
  }
  return null;
}

/** Multi-row INSERTs, ROWS_PER_INSERT at a time. */
async function insertRows(db, table, columns, count, row) {
  for (let start = 0; start < count; start += ROWS_PER_INSERT) {
    const values = [];
    for (let i = start; i < Math.min(start + ROWS_PER_INSERT, count); i++) values.push(row(i));
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [values]);
  }
}

async function generate(db, total, due) {
  const [[tier]] = await db.query(`SELECT id FROM tier WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`);
  const [[{ maxId }]] = await db.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM customer');
  const dueDays = Object.values(DUE_DAYS);
  const otherDays = [];
  for (let d = Date.parse('2031-01-01'); d < Date.parse('2032-01-01'); d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    if (!dueDays.includes(day)) otherDays.push(day);
  }
  // Customer ids follow the seed's; each customer i has one membership ending on a due day (i < due) or another day.
  const termEnd = (i) => {
    const day = i < due ? dueDays[i % dueDays.length] : otherDays[i % otherDays.length];
    return shanghaiMidnight(day) + ((i * 7919) % 86_400) * 1000;
  };
  await db.query('SET unique_checks = 0, foreign_key_checks = 0');
  await insertRows(db, 'customer', ['id', 'openid', 'nickname'], total, (i) => [
    maxId + 1 + i,
    `o_bench_${i}`,
    `会员${i}`,
  ]);
  await insertRows(db, 'membership', ['customerId', 'tierId', 'status', 'termEnd'], total, (i) => {
    const end = termEnd(i);
    return [maxId + 1 + i, tier.id, end > Date.parse(PASS_AT) ? 'ACTIVE' : 'EXPIRED', sqlTime(end)];
  });
  await insertRows(db, 'consent_credit', ['customerId', 'templateId', 'credits'], Math.ceil(due / 2), (i) => [
    maxId + 1 + i * 2,
    TEMPLATE,
    1,
  ]);
  await db.query('SET unique_checks = 1, foreign_key_checks = 1');
  await db.query('ANALYZE TABLE membership, customer, consent_credit');
}

async function bench(databaseUrl, total, due) {
  const url = new URL(databaseUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startServer(url.toString(), port);
  await waitHealthy(base, server); // migrated and seeded
  const db = await mysql.createConnection({ uri: url.toString(), multipleStatements: false });
  const generateStarted = Date.now();
  await generate(db, total, due);
  const generateSeconds = (Date.now() - generateStarted) / 1000;

  // A fresh server process, so its memory figures are the pass's and not the boot's or the generator's.
  await stopServer(server);
  server = startServer(url.toString(), port);
  await waitHealthy(base, server);
  const login = await (
    await fetch(`${base}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin123' }),
    })
  ).json();
  const run = async () => {
    const started = performance.now();
    const res = await fetch(`${base}/api/admin/reminders/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ now: PASS_AT }),
    });
    if (!res.ok) throw new Error(`run ${res.status} ${await res.text()}`);
    return { result: await res.json(), seconds: (performance.now() - started) / 1000 };
  };

  const idle = memoryOf(server.pid);
  writeFileSync(`/proc/${server.pid}/clear_refs`, '5'); // reset the peak: what follows is the pass's
  const dbPid = mariadbPid(databaseUrl);
  const cpuBefore = { server: cpuSeconds(server.pid), db: dbPid ? cpuSeconds(dbPid) : NaN };
  const load = loadavg()[0];
  const first = await run();
  const cpu = { server: cpuSeconds(server.pid) - cpuBefore.server, db: dbPid ? cpuSeconds(dbPid) - cpuBefore.db : NaN };
  const during = memoryOf(server.pid);
  const second = await run();
  const [[counts]] = await db.query(
    `SELECT COUNT(*) AS reminders, SUM(status = 'SENT') AS sent, SUM(inApp) AS inApp FROM reminder`,
  );
  await db.end();
  await stopServer(server);
  return { total, due, generateSeconds, idle, peak: during.peak, first, second, counts, cpu, load };
}

export default async function run(ctx) {
  const rows = [];
  for (const [total, due] of SIZES) {
    ctx.log(`reminders … ${total} memberships, ${due} due`);
    const r = await bench(await ctx.mysqlDatabase(`bench_reminders_${total}`), total, due);
    rows.push(r);
    ctx.log(
      `reminders ${total} memberships, ${due} due: pass ${r.first.seconds.toFixed(1)} s (${JSON.stringify(r.first.result)}), ` +
        `CPU server ${r.cpu.server.toFixed(1)} s + MariaDB ${r.cpu.db.toFixed(1)} s (load ${r.load.toFixed(1)}), rerun ${r.second.seconds.toFixed(2)} s; server RSS idle ${r.idle.rss.toFixed(0)} MB, peak during pass ${r.peak.toFixed(0)} MB; data load ${r.generateSeconds.toFixed(0)} s`,
    );
  }
  const table = rows
    .map(
      (r) =>
        `| ${r.total.toLocaleString('en')} | ${r.due.toLocaleString('en')} | ${r.first.seconds.toFixed(1)} s | ${r.cpu.server.toFixed(1)} s / ${r.cpu.db.toFixed(1)} s | ${r.load.toFixed(1)} | ${r.first.result.sent} / ${r.first.result.inApp} | ${r.second.seconds.toFixed(2)} s | ${r.idle.rss.toFixed(0)} MB | ${r.peak.toFixed(0)} MB | ${r.generateSeconds.toFixed(0)} s |`,
    )
    .join('\n');
  return `The bench's MariaDB (scripts/mariadb.mjs: 256 MB buffer pool, \`innodb_flush_log_at_trx_commit=2\`, no binlog), migrated and seeded
through the built server, N customers with one membership each (multi-row INSERTs), of which D end on the days the four
default rules fire on 1 June 2031 (Shanghai) and every second due member holds one consent credit; then a fresh server times
one \`POST /api/admin/reminders/run\` as if at 10:00 that day (dev WeChat simulator, so WeChat's own latency is not in the
figure), and the same pass again. Peak RSS is the server process's VmHWM, reset just before the pass; CPU is what the server
process and mariadbd used during the pass (user + system), which says more than wall time when the machine is shared: the
load average at the start of the pass is given for that reason. Sizes: \`BENCH_REMINDER_SIZES=N:D,…\`.

| memberships | due | pass (wall) | CPU server / MariaDB | load avg (1 min) at start | sent / in-app | rerun (nothing due) | server RSS before | peak RSS during pass | data load (customers, memberships, credits) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table}`;
}
