/**
 * Benchmarks of the real built server on SQLite, each with a raw baseline run in this same process:
 * - catalogue: GET /api/products as a member vs. the same rows read straight from SQLite;
 * - checkout: POST /api/orders (price, reserve stock, order + payment rows, signed prepay) vs. raw inserts.
 * Prints figures; asserts nothing about speed. Usage: node test/bench/api.bench.mjs [seconds]
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fmt, load } from './load.mjs';
import { REPO, startServer } from './start-server.mjs';

const seconds = Number(process.argv[2] ?? 5);
const Database = createRequire(join(REPO, 'server/package.json'))('better-sqlite3');

const server = await startServer();
const json = async (path, init = {}) => {
  const res = await fetch(`${server.base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  if (!res.ok) throw new Error(`${path} ${res.status}`);
  return res.json();
};

try {
  const { token } = await json('/api/auth/wechat-login', { method: 'POST', body: JSON.stringify({ code: 'dev:demo-member' }) });
  const auth = { authorization: `Bearer ${token}` };
  const address = await json('/api/me/addresses', { method: 'POST', headers: auth, body: JSON.stringify({ name: '压测', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: '1 号' }) });
  const products = await json('/api/products', { headers: auth });
  const skuId = products.find((p) => p.skus[0].stock > 0).skus[0].id;

  const db = new Database(server.dbPath, { readonly: false });
  db.pragma('busy_timeout = 5000');
  const rawCatalogue = db.prepare(
    `SELECT p.*, s.id AS skuId, s.listPriceFen, s.stock, mp.priceFen AS memberPriceFen
       FROM product p JOIN sku s ON s.productId = p.id LEFT JOIN sku_member_price mp ON mp.skuId = s.id AND mp.tierId = 1
      WHERE p.onSale = 1`,
  );

  console.log(`member-commerce API benchmarks (${seconds}s each, SQLite, 16 concurrent clients, Node ${process.version})\n`);
  const apiCatalogue = await load(() => json('/api/products', { headers: auth }), { seconds });
  const rawCatalogueRun = await load(async () => JSON.stringify(rawCatalogue.all()), { seconds, concurrency: 1 });
  console.log(`catalogue  API  ${fmt(apiCatalogue)}`);
  console.log(`catalogue  raw  ${fmt(rawCatalogueRun)}`);
  console.log(`catalogue  API / raw throughput = ${(apiCatalogue.perSecond / rawCatalogueRun.perSecond).toFixed(3)}\n`);

  db.prepare('UPDATE sku SET stock = 10000000 WHERE id = ?').run(skuId);
  const body = JSON.stringify({ items: [{ skuId, quantity: 1 }], addressId: address.id });
  const apiCheckout = await load(() => json('/api/orders', { method: 'POST', headers: auth, body }), { seconds });
  const insertOrder = db.prepare(
    `INSERT INTO customer_order (outTradeNo, customerId, kind, status, totalFen, listTotalFen) VALUES (?, 1, 'PRODUCT', 'PENDING_PAYMENT', 7900, 9800)`,
  );
  const insertLine = db.prepare(`INSERT INTO order_line (orderId, skuId, name, quantity, unitListPriceFen, unitPriceFen, lineTotalFen) VALUES (?, ?, 'raw', 1, 9800, 7900, 7900)`);
  const reserve = db.prepare('UPDATE sku SET stock = stock - 1 WHERE id = ? AND stock >= 1');
  const rawTx = db.transaction((n) => {
    reserve.run(skuId);
    const { lastInsertRowid } = insertOrder.run(`RAWBENCH${process.pid}${n}`);
    insertLine.run(lastInsertRowid, skuId);
  });
  const rawCheckout = await load(async (n) => rawTx(n), { seconds, concurrency: 1 });
  console.log(`checkout   API  ${fmt(apiCheckout)}`);
  console.log(`checkout   raw  ${fmt(rawCheckout)}`);
  console.log(`checkout   API / raw throughput = ${(apiCheckout.perSecond / rawCheckout.perSecond).toFixed(3)}`);
  db.close();
} finally {
  await server.stop();
}
