// Throwaway A/B harness (not committed): spread only, API (and optionally raw), paid/s and server CPU ms per order.
import { cpuOf, rssOf } from './lib/proc.mjs';
import { createMysqlDatabase } from './lib/db.mjs';
import { BENCH_JWT_SECRET, json, startScript, startServer } from './lib/start-server.mjs';
const adminUrl = process.env.ADMIN_URL;
const seconds = Number(process.env.SECONDS_ ?? 10);
const withRaw = process.env.RAW === '1';
const UNLIMITED = { RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '1000000000', RATE_LIMIT_SENSITIVE_PER_IP: '1000000000', RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000000000', RATE_LIMIT_LOGIN_PER_IP: '1000000000' };
const databaseUrl = await createMysqlDatabase(adminUrl, `quick_${Date.now()}`);
const api = await startServer({ databaseUrl, env: UNLIMITED, nodeArgs: process.env.NODE_ARGS ? process.env.NODE_ARGS.split(' ') : [] });
const raw = withRaw ? await startScript('raw-checkout-server.mjs', [databaseUrl, BENCH_JWT_SECRET], '/api/health', { nodeArgs: process.env.RAW_NODE_ARGS ? process.env.RAW_NODE_ARGS.split(' ') : [] }) : undefined;
try {
  const { token: admin } = await json(api.base, '/api/admin/auth/login', { method: 'POST', body: { username: 'admin', password: 'admin123' } });
  const buyers = [], skus = [];
  for (let i = 0; i < 16; i++) {
    const { token } = await json(api.base, '/api/auth/wechat-login', { method: 'POST', body: { code: `dev:q-${i}` } });
    const a = await json(api.base, '/api/me/addresses', { method: 'POST', token, body: { name: '压测', phone: '13800138000', province: '上海市', city: '上海市', district: '浦东新区', detail: `${i} 号` } });
    buyers.push({ token, addressId: a.id });
    const p = await json(api.base, '/api/admin/products', { method: 'POST', token: admin, body: { title: `q ${i}`, category: 'q', skus: [{ code: `Q-${i}`, name: 'x', listPriceFen: 1000, stock: 1e6 }] } });
    skus.push(p.skus[0].id);
  }
  const loop = async (base, until) => {
    let paid = 0; const lat = [], la = [], lb = [];
    await Promise.all(buyers.map(async ({ token, addressId }, i) => {
      while (Date.now() < until) {
        const t = performance.now();
        const res = await fetch(`${base}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ items: [{ skuId: skus[i], quantity: 1 }], addressId }) });
        const body = await res.json(); const tm = performance.now(); la.push(tm - t);
        if (res.status !== 201) throw new Error(JSON.stringify(body));
        const c = await (await fetch(`${base}/api/dev/wechat/pay/${body.order.outTradeNo}/confirm`, { method: 'POST' })).json();
        lb.push(performance.now() - tm); if (c.notifyStatus === 204) { paid++; lat.push(performance.now() - t); }
      }
    }));
    for (const l of [lat, la, lb]) l.sort((a, b) => a - b); const q = (l, p) => l[Math.floor(l.length * p)].toFixed(0); console.log(`  create p50 ${q(la, 0.5)} p99 ${q(la, 0.99)}; confirm p50 ${q(lb, 0.5)} p99 ${q(lb, 0.99)}`); return { paid, p50: lat[Math.floor(lat.length * 0.5)], p99: lat[Math.floor(lat.length * 0.99)] };
  };
  for (const [name, side] of Object.entries({ API: api, ...(raw && { raw }) })) {
    await loop(side.base, Date.now() + 2000);
    for (let r = 0; r < Number(process.env.ROUNDS ?? 2); r++) {
      const cpu0 = cpuOf(side.pid); const t0 = Date.now();
      const { paid, p50, p99 } = await loop(side.base, Date.now() + seconds * 1000);
      const s = (Date.now() - t0) / 1000;
      console.log(`${name} ${(paid / s).toFixed(0)} paid/s, CPU ${((cpuOf(side.pid) - cpu0) * 1000 / paid).toFixed(2)} ms/order, p50 ${p50.toFixed(0)} p99 ${p99.toFixed(0)}, RSS ${(rssOf(side.pid)/1048576).toFixed(0)} MB`);
    }
  }
} finally { await api.stop(); await raw?.stop(); }
