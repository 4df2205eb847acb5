import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { StaffLoginResponse, StaffRole, WechatLoginResponse } from '@member-commerce/shared';
import { createApp } from '../../src/app.factory';
import { FixedClock } from '../../src/common/clock';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { DEMO_STAFF } from '../../src/database/seed/demo-seed.service';
import { createFirstAdmin } from '../../src/staff/first-admin';
import { StaffUser } from '../../src/staff/staff-user.entity';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  config: AppConfig;
  /** Bearer header of a dev customer (`dev:<name>`), created on first use. */
  customer(name: string): Promise<{ Authorization: string }>;
  /** Bearer header of a staff account with this role (on an unseeded database, made on first use). */
  staff(role: StaffRole): Promise<{ Authorization: string }>;
  /** Username and password of the staff account with this role, made on first use when the database is unseeded. */
  staffCredentials(role: StaffRole): Promise<{ username: string; password: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Boot with the demo shop (`pnpm start`'s seed). Off by default: a spec builds the tiers, products, members and
   * orders it asserts on (support/shop-fixtures.ts). Only the specs listed in seed-free-specs.api-spec.ts may opt in.
   */
  seed?: boolean;
  env?: Record<string, string>;
  now?: Date;
  /** Replace parts of the config after it is loaded (e.g. point live WeChat at a fake server). */
  configure?: (config: AppConfig) => void;
  /** Boot on this database instead of a fresh one (a restart); the caller drops it. */
  database?: TestDatabase;
}

/** The demo seed's staff (API.md "Demo staff accounts"). */
const DEMO_STAFF_PASSWORDS = Object.fromEntries(DEMO_STAFF.map((staff) => [staff.role, staff.password])) as Record<
  StaffRole,
  string
>;

/** Staff of an unseeded test database: the first admin as `staff:create-admin` makes it, the others by that admin. */
const TEST_STAFF_PASSWORDS: Record<StaffRole, string> = {
  admin: 'test-admin-password',
  operator: 'test-operator-password',
  finance: 'test-finance-password',
  support: 'test-support-password',
};

/** Boots the real application on a fresh database (SQLite or MariaDB), listening on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = options.database ?? (await createTestDatabase());
  const mediaDir = mkdtempSync(join(tmpdir(), 'mc-media-'));
  const uploadDir = mkdtempSync(join(tmpdir(), 'mc-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SCHEDULERS: '0',
    SEED_DEMO: options.seed ? '1' : '0',
    MEDIA_DIR: mediaDir,
    UPLOAD_DIR: uploadDir,
    ...options.env,
  });
  config.database = database.config;
  options.configure?.(config);
  const clock = new FixedClock(options.now ?? new Date());
  const app = await createApp({ config, clock });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  config.port = port;
  config.publicUrl = `http://127.0.0.1:${port}`;
  const http = request(app.getHttpServer());
  const customers = new Map<string, { Authorization: string }>();
  const staffTokens = new Map<StaffRole, { Authorization: string }>();
  const passwords = options.seed ? DEMO_STAFF_PASSWORDS : TEST_STAFF_PASSWORDS;
  const madeStaff = new Map<StaffRole, Promise<void>>();

  const login = async (role: StaffRole) => {
    const res = await http
      .post('/api/admin/auth/login')
      .send({ username: role, password: passwords[role] })
      .expect(200);
    return { Authorization: `Bearer ${(res.body as StaffLoginResponse).token}` };
  };
  // Unseeded: the first admin through the real first-admin path, every other role created by that admin in the API.
  const ensureStaff = (role: StaffRole): Promise<void> => {
    if (options.seed) return Promise.resolve();
    if (!madeStaff.has(role))
      madeStaff.set(
        role,
        (async () => {
          if (role === 'admin') {
            // A restart on the same database finds the admin made before.
            if (!(await app.get(DataSource).manager.existsBy(StaffUser, { username: 'admin' })))
              await createFirstAdmin(app.get(DataSource), { username: 'admin', password: passwords.admin });
            return;
          }
          await ensureStaff('admin');
          if (!staffTokens.has('admin')) staffTokens.set('admin', await login('admin'));
          await http
            .post('/api/admin/staff')
            .set(staffTokens.get('admin')!)
            .send({ username: role, password: passwords[role], role })
            .expect((res) => {
              if (res.status !== 201 && res.body.code !== 'STAFF_USERNAME_TAKEN')
                throw new Error(`creating staff ${role} answered ${res.status}`);
            });
        })(),
      );
    return madeStaff.get(role)!;
  };

  return {
    app,
    http,
    clock,
    config,
    async customer(name) {
      if (!customers.has(name)) {
        const res = await http
          .post('/api/auth/wechat-login')
          .send({ code: `dev:${name}` })
          .expect(200);
        const body = res.body as WechatLoginResponse;
        customers.set(name, { Authorization: `Bearer ${body.token}` });
      }
      return customers.get(name)!;
    },
    async staff(role) {
      await ensureStaff(role);
      if (!staffTokens.has(role)) staffTokens.set(role, await login(role));
      return staffTokens.get(role)!;
    },
    async staffCredentials(role) {
      await ensureStaff(role);
      return { username: role, password: passwords[role] };
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      for (const dir of [mediaDir, uploadDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
