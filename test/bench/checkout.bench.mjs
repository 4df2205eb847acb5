/**
 * Checkout on MariaDB against a raw baseline (raw-checkout-server.mjs) on the same database, the same crypto and
 * the same client loop, in the same run. Each customer creates a one-unit product order and pays it through the
 * simulator's confirm route (signed, encrypted notify, verified). Two scenarios:
 *  - spread: 16 customers, each buying its own SKU, for a fixed time;
 *  - drop: 200 customers at once on one SKU with 5,000 units (the hot stock row), until it is sold out.
 * Statements are counted by a driver hook in both servers (lib/statement-probe.cjs), exactly: first 20 paid
 * orders one after another, then under load, with how long the hot stock row stays locked. Afterwards the
 * database must show zero oversell, zero lost notifies and stock conserved.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { openDb } from './lib/db.mjs';
import { statementProbe } from './lib/probe.mjs';
import { cpuOf } from './lib/proc.mjs';
import { BENCH_JWT_SECRET, json, startScript, startServer } from './lib/start-server.mjs';

export const title = 'Checkout: create and pay product orders on MariaDB against a raw baseline';
const SPREAD_CUSTOMERS = 16;
const DROP_CUSTOMERS = 200;
const DROP_STOCK = 5_000;
const COUNTED_ORDERS = 20;
/**
 * Each side serves the spread loop this long before anything is timed, as a server in production has: V8 optimises
 * the hot paths of a framework-sized server over its first thousand or so orders (the API used 10–11 ms of CPU per
 * paid order in its first ten seconds, about 7 ms after half a minute; the raw server warms up sooner).
 */
const WARM_UP_SECONDS = 15;
/** The simulated WeChat's own rows (WeChat's side in production) and the simulator route's rate limit. */
const SIMULATOR = /dev_wechat_|rate_limit_bucket/;
const API_N = `API ×${availableParallelism()}`;
const CONTROL = /^(START|COMMIT|ROLLBACK|SET)/;
const UNLIMITED = {
  RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000000',
  RATE_LIMIT_LOGIN_PER_IP: '1000000000',
  RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '1000000000',
  RATE_LIMIT_SENSITIVE_PER_IP: '1000000000',
};

async function newSku(base, admin, code, stock) {
  const product = await json(base, '/api/admin/products', {
    method: 'POST',
    token: admin,
    body: { title: `压测商品 ${code}`, category: '压测', skus: [{ code, name: '标准装', listPriceFen: 1_000, stock }] },
  });
  return product.skus[0].id;
}

async function customers(base, count) {
  const list = [];
  // A few at a time: logins are not what is measured.
  for (let i = 0; i < count; i += 20) {
    list.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, count - i) }, async (_, j) => {
          const { token } = await json(base, '/api/auth/wechat-login', {
            method: 'POST',
            body: { code: `dev:bench-buyer-${i + j}` },
          });
          const address = await json(base, '/api/me/addresses', {
            method: 'POST',
            token,
            body: {
              name: '压测',
              phone: '13800138000',
              province: '上海市',
              city: '上海市',
              district: '浦东新区',
              detail: `${i + j} 号`,
            },
          });
          return { token, addressId: address.id };
        }),
      )),
    );
  }
  return list;
}

/** Each buyer orders one unit of its SKU and pays, again and again, until `until` or out of stock. */
async function buyLoop(base, buyers, skuOf, until) {
  const seen = { paid: 0, outOfStock: 0, otherFailures: 0, notifyFailures: 0, latencies: [] };
  await Promise.all(
    buyers.map(async ({ token, addressId }, i) => {
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(`${base}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ items: [{ skuId: skuOf(i), quantity: 1 }], addressId }),
        });
        const body = await res.json();
        if (res.status === 409 && body.code === 'OUT_OF_STOCK') {
          seen.outOfStock++;
          return;
        }
        if (res.status !== 201) {
          seen.otherFailures++;
          continue;
        }
        const confirm = await fetch(`${base}/api/dev/wechat/pay/${body.order.outTradeNo}/confirm`, { method: 'POST' });
        const { notifyStatus } = await confirm.json();
        if (notifyStatus === 204) {
          seen.paid++;
          seen.latencies.push(performance.now() - started);
        } else seen.notifyFailures++;
      }
    }),
  );
  return seen;
}

async function audit(databaseUrl, skuIds, initial) {
  const db = await openDb(databaseUrl);
  try {
    const [{ stock }] = await db.query('SELECT SUM(stock) AS stock FROM sku WHERE id IN (?)', [skuIds]);
    const [lines] = await db.query(
      `SELECT COALESCE(SUM(CASE WHEN o.status = 'PAID' THEN l.quantity END), 0) AS sold, COALESCE(SUM(CASE WHEN o.status = 'PENDING_PAYMENT' THEN l.quantity END), 0) AS pending,
              COUNT(CASE WHEN o.status = 'PAID' THEN 1 END) AS paid
         FROM order_line l JOIN customer_order o ON o.id = l.orderId WHERE l.skuId IN (?)`,
      [skuIds],
    );
    const [{ lost }] = await db.query(
      "SELECT COUNT(*) AS lost FROM payment p JOIN customer_order o ON o.id = p.orderId JOIN order_line l ON l.orderId = o.id WHERE l.skuId IN (?) AND p.status = 'SUCCESS' AND o.status <> 'PAID'",
      [skuIds],
    );
    const [sold, pending] = [Number(lines.sold), Number(lines.pending)];
    return {
      stock: Number(stock),
      paid: Number(lines.paid),
      sold,
      pending,
      lostNotifies: Number(lost),
      conserved: Number(stock) + sold + pending === initial,
      oversold: Number(stock) < 0 || sold + pending > initial,
    };
  } finally {
    await db.close();
  }
}

const percentile = (list, p) => {
  if (!list.length) return 0;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Statements of a window, per paid order: data statements of checkout, transaction control, the simulator's own. */
function perOrder(window, paid) {
  const sum = (keep) =>
    Object.entries(window.byShape)
      .filter(([shape]) => keep(shape))
      .reduce((n, [, count]) => n + count, 0) / paid;
  const checkout = (shape) => !SIMULATOR.test(shape) && !CONTROL.test(shape);
  return {
    data: sum(checkout),
    control: sum((shape) => CONTROL.test(shape)),
    simulator: sum((shape) => SIMULATOR.test(shape)),
    shapes: Object.entries(window.byShape)
      .filter(([shape]) => checkout(shape))
      .sort((a, b) => b[1] - a[1])
      .map(([shape, n]) => `${(n / paid).toFixed(n % paid ? 1 : 0)}× ${shape}`)
      .join(', '),
  };
}

/** How the API is started for this benchmark: with the statement probe and without rate limits on the client's routes. */
export const checkoutServerOptions = (probe, nodeArgs = [], env = {}) => ({
  nodeArgs: [...nodeArgs, ...probe.launch.nodeArgs],
  env: { ...probe.launch.env, ...UNLIMITED, ...env },
});

/** API processes as production runs them on this machine: one per core (`SERVER_WORKERS`, node:cluster). */
const WORKERS = availableParallelism();

/** A side's processes: a cluster's primary and its workers (each counts its own statements), or the one process. */
function pidsOf(side) {
  if (!side.workers) return [side.pid];
  const children = execFileSync('pgrep', ['-P', String(side.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return [side.pid, ...children.map(Number)];
}

export default async function run(ctx) {
  const databaseUrl = await ctx.mysqlDatabase('bench_checkout');
  // The profiler passes its own server (started with --cpu-prof and this probe, see checkoutServerOptions).
  const probe = ctx.probe ?? statementProbe();
  const api = ctx.server ?? (await startServer({ databaseUrl, ...checkoutServerOptions(probe) }));
  let raw;
  let cluster;
  try {
    raw = await startScript('raw-checkout-server.mjs', [databaseUrl, BENCH_JWT_SECRET], '/api/health', probe.launch);
    // The profiler measures its own single process; otherwise also the API as production runs it here.
    if (!ctx.server && WORKERS > 1)
      cluster = {
        ...(await startServer({
          databaseUrl,
          ...checkoutServerOptions(probe, [], { SERVER_WORKERS: String(WORKERS) }),
        })),
        workers: WORKERS,
      };
    const sides = { API: api, ...(cluster && { [API_N]: cluster }), raw };
    const { token: admin } = await json(api.base, '/api/admin/auth/login', {
      method: 'POST',
      body: { username: 'admin', password: 'admin123' },
    });
    const buyers = await customers(api.base, DROP_CUSTOMERS);
    const spreadSkus = [];
    for (let i = 0; i < SPREAD_CUSTOMERS; i++)
      spreadSkus.push(await newSku(api.base, admin, `BENCH-SPREAD-${i}`, 1_000_000));

    // Exact statement counts: paid orders one after another, nothing else running.
    const counts = {};
    for (const [name, side] of Object.entries(sides)) {
      await buyLoop(side.base, buyers.slice(0, 1), () => spreadSkus[0], Date.now() + 300);
      const before = await probe.read(pidsOf(side));
      let paid = 0;
      while (paid < COUNTED_ORDERS)
        paid += (await buyLoop(side.base, buyers.slice(0, 1), () => spreadSkus[0], Date.now() + 1)).paid;
      counts[name] = perOrder(probe.since(before, await probe.read(pidsOf(side))), paid);
      ctx.log(
        `checkout  ${name.padEnd(6)} statements per paid order: ${counts[name].data} (+ ${counts[name].control} transaction control, + ${counts[name].simulator} simulator): ${counts[name].shapes}`,
      );
    }

    for (const side of Object.values(sides))
      await buyLoop(
        side.base,
        buyers.slice(0, SPREAD_CUSTOMERS),
        (i) => spreadSkus[i],
        Date.now() + WARM_UP_SECONDS * 1000,
      );

    const rows = [];
    const measure = async (scenario, name, work) => {
      const side = sides[name];
      const load = loadavg()[0];
      const pids = pidsOf(side);
      const serverCpu = () => pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
      const before = await probe.read(pids);
      const cpuBefore = serverCpu();
      const started = Date.now();
      const { seen, skuIds, initial } = await work(side);
      const elapsed = (Date.now() - started) / 1000;
      const cpuMsPerOrder = ((serverCpu() - cpuBefore) * 1000) / Math.max(seen.paid, 1);
      const window = probe.since(before, await probe.read(pids));
      const after = await audit(databaseUrl, skuIds, initial);
      const row = {
        scenario,
        name,
        load,
        perSecond: seen.paid / elapsed,
        p50: percentile(seen.latencies, 50),
        p99: percentile(seen.latencies, 99),
        statements: perOrder(window, Math.max(seen.paid, 1)),
        lockP50: percentile(window.lockHeldMs, 50),
        lockP99: percentile(window.lockHeldMs, 99),
        cpuMsPerOrder,
        seen,
        after,
        elapsed,
      };
      ctx.log(
        `checkout  ${scenario.padEnd(6)} ${name.padEnd(6)} ${row.perSecond.toFixed(0)} paid orders/s (${seen.paid} in ${elapsed.toFixed(1)} s), p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, ` +
          `hot row locked p50 ${row.lockP50.toFixed(1)} ms p99 ${row.lockP99.toFixed(1)} ms, server CPU ${cpuMsPerOrder.toFixed(1)} ms per paid order, load ${load.toFixed(1)}; client ${JSON.stringify({ ...seen, latencies: undefined })}; audit ${JSON.stringify(after)}`,
      );
      rows.push(row);
    };
    const spread = async (side) => {
      const start = await audit(databaseUrl, spreadSkus, 0);
      const seen = await buyLoop(
        side.base,
        buyers.slice(0, SPREAD_CUSTOMERS),
        (i) => spreadSkus[i],
        Date.now() + ctx.seconds * 2000,
      );
      return { seen, skuIds: spreadSkus, initial: start.stock + start.sold + start.pending };
    };
    let drops = 0;
    const drop = async (side) => {
      const skuId = await newSku(api.base, admin, `BENCH-DROP-${drops++}`, DROP_STOCK);
      // Sold out in about half a minute on a quiet machine; bounded so a busy one still finishes (the table says which).
      const seen = await buyLoop(side.base, buyers, () => skuId, Date.now() + Math.max(60, ctx.seconds * 12) * 1000);
      return { seen, skuIds: [skuId], initial: DROP_STOCK };
    };
    // Alternating which side goes first, so a change in the machine's other load hits both alike.
    await measure('spread', 'raw', spread);
    await measure('spread', 'API', spread);
    if (cluster) await measure('spread', API_N, spread);
    if (cluster) await measure('drop', API_N, drop);
    await measure('drop', 'API', drop);
    await measure('drop', 'raw', drop);

    const of = (scenario, name) => rows.find((r) => r.scenario === scenario && r.name === name);
    const verdict = (r) =>
      `${r.after.oversold ? '**oversold**' : 'oversell 0'}, ${r.after.lostNotifies === 0 ? 'no lost notifies' : `**${r.after.lostNotifies} lost notifies**`}, stock ${r.after.conserved ? 'conserved' : '**not conserved**'}`;
    const line = (r) =>
      `| ${r.scenario} | ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} | ${r.statements.data.toFixed(1)} (+${r.statements.control.toFixed(1)}, +${r.statements.simulator.toFixed(1)}) | ` +
      `${r.lockP50.toFixed(1)} / ${r.lockP99.toFixed(1)} | ${r.cpuMsPerOrder.toFixed(1)} | ${r.seen.paid} paid${r.scenario === 'drop' ? (r.after.stock === 0 ? ', sold out' : `, ${r.after.stock} left when time ran out`) : ''}, ${r.seen.notifyFailures + r.seen.otherFailures} failures; ${verdict(r)} | ${r.load.toFixed(1)} |`;
    const ratio = (scenario, name) => {
      const [a, b] = [of(scenario, name), of(scenario, 'raw')];
      return `${scenario}: ${(a.perSecond / b.perSecond).toFixed(2)}× the raw paid orders/s, p99 ${(a.p99 / Math.max(b.p99, 1)).toFixed(2)}× its p99`;
    };
    const ratios = (name) => `${name} / raw: ${ratio('spread', name)}; ${ratio('drop', name)}.`;
    return [
      `Each customer in a loop: \`POST /api/orders\` (one unit, priced, stock reserved, pending payment, prepay, signed \`wx.requestPayment\`), then`,
      '`POST /api/dev/wechat/pay/:outTradeNo/confirm` (the simulator signs and encrypts the SUCCESS notification and posts it to the notify',
      'route, which verifies, decrypts and marks the order paid); latency is that whole pair as the client sees it. **spread**: 16 customers,',
      `each on its own SKU, ${ctx.seconds * 2} s, after each server has served that same loop for ${WARM_UP_SECONDS} s untimed (warm, as in production).`,
      `**drop**: ${DROP_CUSTOMERS} customers at once on one SKU with ${DROP_STOCK.toLocaleString('en')} units until it is sold out (at most ${Math.max(60, ctx.seconds * 12)} s).`,
      `**API** is one server process; **${API_N}** is the same built server as production runs it on this machine, \`SERVER_WORKERS=${WORKERS}\``,
      '(node:cluster: that many processes on one port, one per core; whatever processes share lives in the database, docs/operations.md).',
      'The raw baseline (`test/bench/raw-checkout-server.mjs`: node:http + mysql2, one process) does only what a correct checkout must, on the',
      'same database with the same crypto and simulator code and the same client loop, in the same run. Statements are counted by a mysql2 hook',
      'in both servers (`test/bench/lib/statement-probe.cjs`), exact whatever the load: data statements of checkout and notify (+ transaction',
      'control, + the simulator\'s own WeChat rows and its route\'s rate limit, which production does not have). "Hot row locked": from the answer',
      "to `UPDATE sku … stock - n` to the answer to that transaction's COMMIT. Goals: ≥ 0.5× raw paid orders/s, p99 ≤ 2× raw, ≤ 12 statements",
      "per paid order, zero oversell. Server CPU: user + system time of the server's processes (all of a cluster's) over the measurement,",
      "per paid order, simulator included. Load = the machine's 1-minute load average when the measurement started (2 cores).",
      '',
      `Statements per paid order, ${COUNTED_ORDERS} orders one after another: API ${counts.API.data} (+${counts.API.control} transaction control, +${counts.API.simulator} simulator); raw ${counts.raw.data} (+${counts.raw.control}, +${counts.raw.simulator}).`,
      `API: ${counts.API.shapes}.`,
      `raw: ${counts.raw.shapes}.`,
      ...(cluster
        ? [
            `${API_N}: ${counts[API_N].data} (+${counts[API_N].control}, +${counts[API_N].simulator}), the same statements.`,
          ]
        : []),
      '',
      '| scenario | server | paid orders/s | p50 / p99 ms | statements per paid order | hot row locked p50 / p99 ms | server CPU ms per paid order | client saw, audit | load |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
      ...rows.map(line),
      '',
      ...(cluster ? [ratios(API_N), ''] : []),
      ratios('API'),
    ].join('\n');
  } finally {
    await raw?.stop();
    await cluster?.stop();
    if (!ctx.server) {
      await api.stop();
      probe.cleanup();
    }
  }
}
