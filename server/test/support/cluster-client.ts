import type { StaffLoginResponse, StaffRole, WechatLoginResponse } from '@member-commerce/shared';
import { databaseUrl, ServerCluster, startServerCluster } from './server-process';
import { createTestDatabase, TestDatabase } from './test-database';

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface ClusterClient {
  cluster: ServerCluster;
  api<T = unknown>(
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string },
  ): Promise<ApiAnswer<T>>;
  /** Token of a dev customer (`dev:<name>`). */
  login(name: string): Promise<string>;
  staff(role: StaffRole): Promise<string>;
  close(): Promise<void>;
}

const STAFF_PASSWORDS: Record<StaffRole, string> = {
  admin: 'admin123',
  operator: 'operator123',
  finance: 'finance123',
  support: 'support123',
};

/** How long a spec waits for startClusterClient: several processes migrating and seeding on a loaded 2-core machine. */
export const CLUSTER_BOOT_MS = 120_000;

/**
 * The built server in dev mode (the WeChat simulator state lives in the database) on a fresh database with
 * the demo seed, as TEST_PROCESSES processes behind the round-robin proxy, and a small JSON client for it.
 */
export async function startClusterClient(env: Record<string, string> = {}): Promise<ClusterClient> {
  const database: TestDatabase = await createTestDatabase();
  let cluster: ServerCluster;
  try {
    cluster = await startServerCluster({
      DATABASE_URL: databaseUrl(database.config),
      NODE_ENV: 'development',
      WECHAT_MODE: 'dev',
      SEED_DEMO: '1',
      ...env,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const api: ClusterClient['api'] = async (path, init = {}) => {
    const res = await fetch(`${cluster.base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    cluster,
    api,
    async login(name) {
      const res = await api<WechatLoginResponse>('/api/auth/wechat-login', {
        method: 'POST',
        body: { code: `dev:${name}` },
      });
      if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    async staff(role) {
      const res = await api<StaffLoginResponse>('/api/admin/auth/login', {
        method: 'POST',
        body: { username: role, password: STAFF_PASSWORDS[role] },
      });
      if (res.status !== 200) throw new Error(`staff login ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    async close() {
      await cluster?.close();
      await database.drop();
    },
  };
}

/** Enough attempts that round-robin sends at least two to every process. */
export const everyProcess = (cluster: ServerCluster) => Math.max(2, cluster.size * 2);
