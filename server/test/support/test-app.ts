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
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  config: AppConfig;
  /** Bearer header of a dev customer (`dev:<name>`), created on first use. */
  customer(name: string): Promise<{ Authorization: string }>;
  staff(role: StaffRole): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  env?: Record<string, string>;
  now?: Date;
  /** Replace parts of the config after it is loaded (e.g. point live WeChat at a fake server). */
  configure?: (config: AppConfig) => void;
  /** Boot on this database instead of a fresh one (a restart); the caller drops it. */
  database?: TestDatabase;
}

const STAFF_PASSWORDS: Record<StaffRole, string> = {
  admin: 'admin123',
  operator: 'operator123',
  finance: 'finance123',
  support: 'support123',
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
    SEED_DEMO: options.seed === false ? '0' : '1',
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
      if (!staffTokens.has(role)) {
        const res = await http
          .post('/api/admin/auth/login')
          .send({ username: role, password: STAFF_PASSWORDS[role] })
          .expect(200);
        staffTokens.set(role, { Authorization: `Bearer ${(res.body as StaffLoginResponse).token}` });
      }
      return staffTokens.get(role)!;
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      for (const dir of [mediaDir, uploadDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
