import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffLoginResponse } from '@member-commerce/shared';
import { FakeWechatServer, startFakeWechatServer } from '../support/fake-wechat-server';
import { databaseUrl, freePort, ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const DIST = join(__dirname, '../../dist');

/** Runs a built entry point to its end (bounded), with only the environment given plus PATH. */
function runBuilt(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST, entry), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not finish in 20 s: ${output}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the built server refuses unsafe configuration (DESIGN.md "Running safely")', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mc-safe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('NODE_ENV=production without WECHAT_MODE and JWT_SECRET exits at once, listing both problems', async () => {
    const { code, output } = await runBuilt('main.js', {
      NODE_ENV: 'production',
      DATABASE_URL: `sqlite:${join(dir, 'a.sqlite')}`,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/WECHAT_MODE must be set explicitly/);
    expect(output).toMatch(/JWT_SECRET must be set explicitly/);
  });

  it('a MySQL database without them exits the same way, before connecting', async () => {
    const { code, output } = await runBuilt('main.js', {
      DATABASE_URL: 'mysql://nobody:nothing@127.0.0.1:1/none',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/WECHAT_MODE must be set explicitly[\s\S]*JWT_SECRET must be set explicitly/);
  });

  it('NODE_ENV=production with the dev simulator and the public dev secret exits, listing both', async () => {
    const { code, output } = await runBuilt('main.js', {
      NODE_ENV: 'production',
      WECHAT_MODE: 'dev',
      JWT_SECRET: 'member-commerce-dev-secret-change-me',
      DATABASE_URL: `sqlite:${join(dir, 'b.sqlite')}`,
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(output).toMatch(/WECHAT_MODE=dev .*refused/);
    expect(output).toMatch(/public dev secret/);
  });
});

describe('a production database: first admin by command, no demo staff, no simulator', () => {
  let wechat: FakeWechatServer;
  let database: TestDatabase;
  let server: ServerProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    wechat = await startFakeWechatServer();
    database = await createTestDatabase();
    const port = await freePort();
    const live = wechat.liveConfig;
    env = {
      DATABASE_URL: databaseUrl(database.config),
      WECHAT_MODE: 'live',
      WECHAT_APPID: live.appId,
      WECHAT_SECRET: live.secret,
      WECHAT_API_BASE: live.apiBase,
      WECHAT_MCHID: live.mchId,
      WECHAT_PAY_SERIAL: live.paySerial,
      WECHAT_PAY_PRIVATE_KEY: live.payPrivateKey,
      WECHAT_PAY_APIV3_KEY: live.apiV3Key,
      WECHAT_PAY_PLATFORM_PUBLIC_KEY: live.platformPublicKey,
      WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID: live.platformPublicKeyId,
      WECHAT_PAY_NOTIFY_URL: `http://127.0.0.1:${port}/api/payments/wechat/notify`,
      WECHAT_PAY_API_BASE: live.payApiBase,
    };
    const created = await runBuilt(
      'cli/create-admin.js',
      { DATABASE_URL: env.DATABASE_URL, ADMIN_PASSWORD: 'owner-password-1234' },
      ['--username', 'owner'],
    );
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining('created admin "owner"') });
    server = await startServerProcess(env, port);
  }, 60_000);

  afterAll(async () => {
    await server?.kill();
    await wechat?.close();
    await database?.drop();
  });

  const login = (username: string, password: string) =>
    fetch(`${server.base}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('staff:create-admin refuses a second run once an admin exists', async () => {
    const again = await runBuilt(
      'cli/create-admin.js',
      { DATABASE_URL: env.DATABASE_URL, ADMIN_PASSWORD: 'another-password-1234' },
      ['--username', 'second'],
    );
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/an admin account already exists/);
  });

  it('the created admin logs in and reaches the staff list, which holds no demo accounts', async () => {
    const res = await login('owner', 'owner-password-1234');
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as StaffLoginResponse;
    const staff = (await (
      await fetch(`${server.base}/api/admin/staff`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { username: string }[];
    expect(staff.map((s) => s.username)).toEqual(['owner']);
    expect((await login('admin', 'admin123')).status).toBe(401);
  });

  it('live mode has no dev simulator routes', async () => {
    const res = await fetch(`${server.base}/api/dev/wechat/pay/anything/confirm`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
