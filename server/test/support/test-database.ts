import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../../src/config/app-config';

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a temp SQLite file by default, or a new MariaDB/MySQL database
 * when TEST_DB=mysql (the test script starts MariaDB and passes TEST_MYSQL_ADMIN_URL).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === 'mysql') return createMysqlDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'mc-test-'));
  return {
    config: { type: 'sqlite', path: join(dir, 'test.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function createMysqlDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_MYSQL_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_DB=mysql needs TEST_MYSQL_ADMIN_URL=mysql://user:pass@host:port/');
  const name = `mc_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection(adminUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { type: 'mysql', url: url.toString() },
    drop: async () => {
      const connection = await createConnection(adminUrl);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}
