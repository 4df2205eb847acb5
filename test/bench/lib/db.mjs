import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './start-server.mjs';

const requireServer = createRequire(join(REPO, 'server/package.json'));

/** Direct access to a bench database (to grow fixtures and check invariants): `query(sql, params)` → rows. */
export async function openDb(databaseUrl) {
  if (databaseUrl.startsWith('mysql:')) {
    const connection = await requireServer('mysql2/promise').createConnection({
      uri: databaseUrl,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
    });
    return {
      query: async (sql, params = []) => (await connection.query(sql, params))[0],
      transaction: async (work) => {
        await connection.beginTransaction();
        await work();
        await connection.commit();
      },
      close: () => connection.end(),
    };
  }
  const db = new (requireServer('better-sqlite3'))(databaseUrl.slice('sqlite:'.length));
  db.pragma('busy_timeout = 5000');
  return {
    query: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : statement.run(...params);
    },
    transaction: async (work) => {
      db.exec('BEGIN');
      await work();
      db.exec('COMMIT');
    },
    close: async () => db.close(),
  };
}

/** A fresh database on the bench's MariaDB, as a DATABASE_URL. */
export async function createMysqlDatabase(adminUrl, name) {
  const admin = await requireServer('mysql2/promise').createConnection(adminUrl);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
