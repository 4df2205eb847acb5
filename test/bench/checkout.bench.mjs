/**
 * Checkout at load on MariaDB: N customers at once, each creating a product order and paying it through the
 * dev simulator's notify (signed, encrypted, verified: the whole WeChat path), then a sell-out burst on a
 * SKU with less stock than demand. Afterwards the database must show zero oversell, zero lost notifies and
 * stock conserved (remaining + reserved + sold = initial).
 */
import { openDb } from './lib/db.mjs';
import { json, startServer } from './lib/start-server.mjs';

export const title = 'Checkout: create and pay product orders on MariaDB';
const CUSTOMERS = 32;
const SELL_OUT_STOCK = 40;

async function setUp(base, stock, code) {
  const { token: admin } = await json(base, '/api/admin/auth/login', { method: 'POST', body: { username: 'admin', password: 'admin123' } });
  const product = await json(base, '/api/admin/products', {
    method: 'POST',
    token: admin,
    body: { title: `压测商品 ${code}`, category: '压测', skus: [{ code, name: '标准装', listPriceFen: 1_000, stock }] },
  });
  return product.skus[0].id;
}

async function customers(base, count) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const { token } = await json(base, '/api/auth/wechat-login', { method: 'POST', body: { code: `dev:bench-buyer-${i}` } });
      const address = await json(base, '/api/me/addresses', { method: 'POST', token, body: { name: '压测', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: `${i} 号` } });
      return { token, addressId: address.id };
    }),
  );
}

/** Each customer buys one unit and pays, again and again, until `until`; returns what the clients saw. */
async function buyLoop(base, buyers, skuId, until) {
  const seen = { paid: 0, outOfStock: 0, otherFailures: 0, notifyFailures: 0 };
  await Promise.all(
    buyers.map(async ({ token, addressId }) => {
      while (Date.now() < until()) {
        const res = await fetch(`${base}/api/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ items: [{ skuId, quantity: 1 }], addressId }),
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
        const confirm = await json(base, `/api/dev/wechat/pay/${body.order.outTradeNo}/confirm`, { method: 'POST' });
        if (confirm.notifyStatus === 204) seen.paid++;
        else seen.notifyFailures++;
      }
    }),
  );
  return seen;
}

async function audit(databaseUrl, skuId, initial) {
  const db = await openDb(databaseUrl);
  try {
    const [{ stock }] = await db.query('SELECT stock FROM sku WHERE id = ?', [skuId]);
    const lines = await db.query(
      'SELECT o.status, SUM(l.quantity) AS quantity, COUNT(*) AS orders FROM order_line l JOIN customer_order o ON o.id = l.orderId WHERE l.skuId = ? GROUP BY o.status',
      [skuId],
    );
    const of = (status) => lines.filter((l) => l.status === status).reduce((sum, l) => ({ quantity: sum.quantity + Number(l.quantity), orders: sum.orders + Number(l.orders) }), { quantity: 0, orders: 0 });
    const [{ lost }] = await db.query(
      "SELECT COUNT(*) AS lost FROM payment p JOIN customer_order o ON o.id = p.orderId JOIN order_line l ON l.orderId = o.id WHERE l.skuId = ? AND p.status = 'SUCCESS' AND o.status <> 'PAID'",
      [skuId],
    );
    const paid = of('PAID');
    const pending = of('PENDING_PAYMENT');
    return { stock: Number(stock), paid: paid.orders, sold: paid.quantity, pending: pending.quantity, lostNotifies: Number(lost), conserved: Number(stock) + paid.quantity + pending.quantity === initial, oversold: Number(stock) < 0 || paid.quantity + pending.quantity > initial };
  } finally {
    await db.close();
  }
}

export default async function run(ctx) {
  // The profiler passes its own server (started with --cpu-prof).
  const api = ctx.server ?? (await startServer({ databaseUrl: await ctx.mysqlDatabase('bench_checkout') }));
  try {
    const buyers = await customers(api.base, CUSTOMERS);
    const bigStock = 1_000_000;
    const skuId = await setUp(api.base, bigStock, 'BENCH-FLOW');
    // Warm-up, then the measured run.
    let deadline = Date.now() + 1000;
    await buyLoop(api.base, buyers, skuId, () => deadline);
    const before = await audit(api.databaseUrl, skuId, bigStock);
    const started = Date.now();
    deadline = started + ctx.seconds * 2000;
    const seen = await buyLoop(api.base, buyers, skuId, () => deadline);
    const elapsed = (Date.now() - started) / 1000;
    const after = await audit(api.databaseUrl, skuId, bigStock);
    const perSecond = (after.paid - before.paid) / elapsed;
    ctx.log(`checkout  MariaDB  ${CUSTOMERS} customers  ${perSecond.toFixed(0)} paid orders/s (${after.paid - before.paid} in ${elapsed.toFixed(1)} s), client saw ${JSON.stringify(seen)}`);
    ctx.log(`checkout  audit    ${JSON.stringify(after)}`);

    const scarceSku = await setUp(api.base, SELL_OUT_STOCK, 'BENCH-SCARCE');
    const burst = await buyLoop(api.base, buyers, scarceSku, () => Date.now() + 60_000);
    const scarce = await audit(api.databaseUrl, scarceSku, SELL_OUT_STOCK);
    ctx.log(`checkout  sell-out ${CUSTOMERS} customers for ${SELL_OUT_STOCK} units: client saw ${JSON.stringify(burst)}; audit ${JSON.stringify(scarce)}`);
    const verdict = (a) => `${a.oversold ? '**oversold**' : 'no oversell'}, ${a.lostNotifies === 0 ? 'no lost notifies' : `**${a.lostNotifies} lost notifies**`}, stock ${a.conserved ? 'conserved' : '**not conserved**'}`;
    return [
      `${CUSTOMERS} customers at once, each in a loop: \`POST /api/orders\` (one unit, member pricing, stock reserved, signed prepay) then`,
      '`POST /api/dev/wechat/pay/:outTradeNo/confirm` (the simulator signs and encrypts the SUCCESS notification and posts it to',
      '`/api/payments/wechat/notify`, which verifies, decrypts and marks the order paid). Server, MariaDB and client share the machine.',
      `Goal: ≥ 500 paid orders/s.`,
      '',
      '| run | paid orders/s | paid | client saw | after the run |',
      '| --- | ---: | ---: | --- | --- |',
      `| ${ctx.seconds * 2} s flow, 1,000,000 in stock | ${perSecond.toFixed(0)} | ${after.paid - before.paid} | ${seen.paid} paid, ${seen.notifyFailures} notify failures, ${seen.otherFailures} other failures | ${verdict(after)} (stock ${after.stock}, pending ${after.pending}) |`,
      `| sell-out: ${SELL_OUT_STOCK} in stock | – | ${scarce.paid} | ${burst.paid} paid, ${burst.outOfStock} out of stock | ${verdict(scarce)} (stock ${scarce.stock}) |`,
    ].join('\n');
  } finally {
    if (!ctx.server) await api.stop();
  }
}
