/**
 * The baseline the catalogue is measured against: a hand-written Fastify server on the same database driver
 * (better-sqlite3 or mysql2, the drivers TypeORM uses underneath) that answers
 * `GET /api/products?page=&pageSize=&category=` for a logged-in customer with the same SQL and byte-identical
 * JSON, and nothing else: no Nest, no TypeORM, no validation pipe, no logging, no cache versions. What it may
 * cache it caches forever (benefit windows, listing totals), which a real server could not: an optimistic baseline.
 * Usage (the bench starts it): node raw-catalogue-server.mjs <port> <sqlite:path | mysql://…> <jwt secret>
 */
import { createSecretKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './lib/start-server.mjs';

const requireServer = createRequire(join(REPO, 'server/package.json'));
const Fastify = requireServer('fastify');
const jwt = createRequire(requireServer.resolve('@nestjs/jwt'))('jsonwebtoken');
const { applyDiscountBp } = requireServer('@member-commerce/shared');

const [port, databaseUrl, secretText] = process.argv.slice(2);
// A KeyObject, as the API does: jsonwebtoken 9 would otherwise try to parse a string secret as a PEM key each time.
const secret = createSecretKey(Buffer.from(secretText));
const mysql = databaseUrl.startsWith('mysql:');
const HOUR = 3600 * 1000;

/** `query(sql, params)` → rows, on either driver, statements prepared once like TypeORM's statement cache. */
async function connect() {
  if (mysql) {
    const pool = requireServer('mysql2/promise').createPool({
      uri: databaseUrl,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      connectionLimit: 20,
    });
    return {
      query: async (sql, params) => (await pool.query(sql, params))[0],
      time: (date) => date,
      close: () => pool.end(),
    };
  }
  const db = new (requireServer('better-sqlite3'))(databaseUrl.slice('sqlite:'.length));
  db.pragma('busy_timeout = 5000');
  const statements = new Map();
  const prepared = (sql) => statements.get(sql) ?? statements.set(sql, db.prepare(sql)).get(sql);
  return {
    query: async (sql, params) => prepared(sql).all(...params),
    time: (date) => date.toISOString().replace('T', ' ').slice(0, 23),
    close: async () => db.close(),
  };
}

const db = await connect();
const benefits = new Map(
  (await db.query('SELECT id, type, config FROM benefit', [])).map((b) => [
    Number(b.id),
    b.type === 'PRIORITY_ACCESS' && b.config ? JSON.parse(b.config) : null,
  ]),
);
const windowOf = (benefitIds) => Math.max(0, ...benefitIds.map((id) => benefits.get(id)?.hours ?? 0)) * HOUR;
const totals = new Map();

const app = Fastify({ logger: false });
app.get('/api/products', async (request, reply) => {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  let customerId;
  try {
    const payload = jwt.verify(token, secret);
    customerId = payload.typ === 'customer' ? payload.sub : undefined;
  } catch {}
  if (!customerId) return reply.status(401).send({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'members only' });
  const page = Number(request.query.page ?? 1);
  const pageSize = Number(request.query.pageSize ?? 20);
  const category = request.query.category;
  const now = new Date();

  const [term] = await db.query(
    `SELECT t.tierId, t.snapshot FROM membership_term t INNER JOIN membership m ON m.id = t.membershipId
      WHERE m.customerId = ? AND m.status != 'REVOKED' AND t.start <= ? AND t.end > ? ORDER BY t.start DESC LIMIT 1`,
    [customerId, db.time(now), db.time(now)],
  );
  if (!term) return reply.status(401).send({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'members only' });
  const snapshot = typeof term.snapshot === 'string' ? JSON.parse(term.snapshot) : term.snapshot;
  const tierId = Number(term.tierId);
  const windowMs = windowOf(snapshot.benefitIds ?? []);
  const visibleUntil = db.time(new Date(now.getTime() + windowMs));

  const where = `p.onSale = 1 AND (p.publicFrom IS NULL OR p.publicFrom <= ?)${category ? ' AND p.category = ?' : ''}`;
  const params = category ? [visibleUntil, category] : [visibleUntil];
  const totalKey = `${windowMs}|${category ?? ''}`;
  if (!totals.has(totalKey))
    totals.set(
      totalKey,
      Number((await db.query(`SELECT COUNT(*) AS total FROM product p WHERE ${where}`, params))[0].total),
    );
  const products = await db.query(
    `SELECT p.id, p.title, p.subtitle, p.description, p.category, p.images, p.publicFrom FROM product p WHERE ${where} ORDER BY p.sortOrder ASC, p.id DESC LIMIT ? OFFSET ?`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  const ids = products.map((p) => Number(p.id));
  const skus = ids.length
    ? await db.query(
        `SELECT s.id, s.productId, s.code, s.name, s.listPriceFen, s.stock, s.images, mp.priceFen FROM sku s LEFT JOIN sku_member_price mp ON mp.skuId = s.id AND mp.tierId = ?
          WHERE s.productId IN (${ids.map(() => '?').join(', ')}) ORDER BY s.productId, s.id`,
        [tierId, ...ids],
      )
    : [];
  const skusOf = new Map();
  for (const sku of skus) {
    const list = Number(sku.listPriceFen);
    const member = Math.min(Math.max(sku.priceFen ?? applyDiscountBp(list, snapshot.defaultDiscountBp), 0), list);
    const view = {
      id: Number(sku.id),
      code: sku.code,
      name: sku.name,
      listPriceFen: list,
      memberPriceFen: member,
      priceFen: member,
      memberSavingsFen: Math.max(0, list - member),
      stock: Number(sku.stock),
      images: sku.images ? JSON.parse(sku.images) : [],
    };
    skusOf.set(Number(sku.productId), [...(skusOf.get(Number(sku.productId)) ?? []), view]);
  }
  const items = products.map((p) => {
    const views = skusOf.get(Number(p.id)) ?? [];
    const publicFrom =
      p.publicFrom === null
        ? null
        : p.publicFrom instanceof Date
          ? p.publicFrom
          : new Date(`${p.publicFrom.replace(' ', 'T')}Z`);
    return {
      id: Number(p.id),
      title: p.title,
      subtitle: p.subtitle,
      description: p.description,
      category: p.category,
      images: p.images ? JSON.parse(p.images) : [],
      skus: views,
      ...(publicFrom && publicFrom > now ? { memberFirstUntil: publicFrom.toISOString() } : {}),
      memberSavingsFen: Math.max(0, ...views.map((s) => s.memberSavingsFen)),
      memberSavingsVary: new Set(views.map((s) => s.memberSavingsFen)).size > 1,
    };
  });
  return { items, total: totals.get(totalKey), page, pageSize };
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
