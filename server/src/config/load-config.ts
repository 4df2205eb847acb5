import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isShopTimeZone, WechatMode } from '@member-commerce/shared';
import type { AppConfig, DatabaseConfig, StorageConfig, WechatLiveConfig } from './app-config';

/** The repository root, so relative paths work the same from `pnpm start` and from tests. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment once at boot; a wrong value fails fast with every problem listed. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be an integer ≥ ${min} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development|production|test`);
  const port = int('PORT', 3000, 0);
  const database = parseDatabaseUrl(env.DATABASE_URL, problems);
  // Only the embedded SQLite demo may lean on dev defaults.
  const demo = database.type === 'sqlite' && nodeEnv !== 'production';
  const where = nodeEnv === 'production' ? 'NODE_ENV=production' : 'a MySQL/MariaDB database';
  if (!demo && !env.WECHAT_MODE) problems.push(`WECHAT_MODE must be set explicitly (dev or live) with ${where}`);
  const mode = (env.WECHAT_MODE || WechatMode.DEV) as AppConfig['wechat']['mode'];
  if (mode !== WechatMode.DEV && mode !== WechatMode.LIVE)
    problems.push(`WECHAT_MODE must be "dev" or "live" (got "${mode}")`);
  if (mode === WechatMode.DEV && nodeEnv === 'production')
    problems.push('WECHAT_MODE=dev (the WeChat simulator) is refused with NODE_ENV=production');
  const live = mode === WechatMode.LIVE ? readLiveWechat(env, problems) : undefined;
  const shopTimeZone = env.SHOP_TIME_ZONE ?? 'Asia/Shanghai';
  if (!isShopTimeZone(shopTimeZone)) problems.push(`SHOP_TIME_ZONE "${shopTimeZone}" is not an IANA time zone`);
  const serverWorkers = int('SERVER_WORKERS', 1, 1);
  if (serverWorkers > 1 && database.type === 'sqlite')
    problems.push('SERVER_WORKERS > 1 needs MySQL/MariaDB: one SQLite file serves one process');
  const jwtSecret = readJwtSecret(env.JWT_SECRET, demo, where, problems);
  // Tests log many customers in from one address; production limits are the defaults everywhere else.
  const relaxed = nodeEnv === 'test' ? 1000 : 1;

  const config: AppConfig = {
    env: nodeEnv,
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    database,
    demo,
    seedDemo: env.SEED_DEMO !== undefined && env.SEED_DEMO !== '' ? env.SEED_DEMO === '1' : demo,
    shopTimeZone,
    jwtSecret,
    customerTokenTtlSeconds: int('CUSTOMER_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60),
    staffTokenTtlSeconds: int('STAFF_TOKEN_TTL_SECONDS', 12 * 3600, 60),
    unpaidOrderTtlMinutes: int('UNPAID_ORDER_TTL_MINUTES', 15, 1),
    orderAutoCompleteDays: int('ORDER_AUTO_COMPLETE_DAYS', 10, 1),
    operatorRefundLimitFen: int('OPERATOR_REFUND_LIMIT_FEN', 200_000, 0),
    supportMaxExtensionDays: int('SUPPORT_MAX_EXTENSION_DAYS', 30, 0),
    autoRenew: { noticeDays: int('AUTO_RENEW_NOTICE_DAYS', 7, 6), graceDays: int('AUTO_RENEW_GRACE_DAYS', 3, 0) },
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    staticDirs: {
      h5: resolve(REPO_ROOT, env.H5_DIR ?? 'miniprogram/dist/h5'),
      admin: resolve(REPO_ROOT, env.ADMIN_DIR ?? 'admin/dist'),
    },
    uploadDir: resolve(REPO_ROOT, env.UPLOAD_DIR ?? 'data/uploads'),
    wechat: {
      mode,
      live,
      renewalTemplateId: env.WECHAT_RENEWAL_TEMPLATE_ID ?? 'tmpl_renewal_reminder_dev',
      pushToken: env.WECHAT_PUSH_TOKEN || undefined,
    },
    rateLimit: {
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 15 * 60, 1),
      login: {
        perAccount: int('RATE_LIMIT_LOGIN_PER_ACCOUNT', 10 * relaxed, 1),
        perIp: int('RATE_LIMIT_LOGIN_PER_IP', 200 * relaxed, 1),
      },
      customerLoginFailuresPerIp: int('RATE_LIMIT_CUSTOMER_LOGIN_FAILURES_PER_IP', 60 * relaxed, 1),
      sensitive: {
        perAccount: int('RATE_LIMIT_SENSITIVE_PER_ACCOUNT', 30 * relaxed, 1),
        perIp: int('RATE_LIMIT_SENSITIVE_PER_IP', 300 * relaxed, 1),
      },
      redeem: {
        perAccount: int('RATE_LIMIT_REDEEM_PER_ACCOUNT', 10 * relaxed, 1),
        perIp: int('RATE_LIMIT_REDEEM_PER_IP', 100 * relaxed, 1),
      },
    },
    http: {
      corsOrigins: readCorsOrigins(env.CORS_ORIGINS, demo, problems),
      trustProxy: readTrustProxy(env.TRUST_PROXY),
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 100),
      connectionTimeoutMs: int('CONNECTION_TIMEOUT_MS', 60_000, 100),
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    },
    media: {
      storage: readStorage(env, problems),
      maxUploadBytes: int('MEDIA_MAX_BYTES', 5 * 1024 * 1024, 1024),
      allowedImageHosts: (env.MEDIA_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    },
    serverWorkers,
    schedulersEnabled: env.SCHEDULERS !== '0',
    devRefundSettleSeconds: int('DEV_REFUND_SETTLE_SECONDS', 5, 0),
    exportDir: resolve(REPO_ROOT, env.EXPORT_DIR ?? 'data/exports'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Only the database part, for commands that need nothing else (staff:create-admin). */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  const problems: string[] = [];
  const database = parseDatabaseUrl(env.DATABASE_URL, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return database;
}

/** The public dev secret signs tokens only in the embedded demo; anything else needs its own. */
export const DEV_JWT_SECRET = 'member-commerce-dev-secret-change-me';

function readJwtSecret(value: string | undefined, demo: boolean, where: string, problems: string[]): string {
  if (!value) {
    if (demo) return DEV_JWT_SECRET;
    problems.push(`JWT_SECRET must be set explicitly (at least 32 characters) with ${where}`);
    return '';
  }
  if (value === DEV_JWT_SECRET && !demo) problems.push('JWT_SECRET must not be the public dev secret');
  else if (value.length < 32 && !demo) problems.push('JWT_SECRET must be at least 32 characters');
  else if (value.length < 16) problems.push('JWT_SECRET must be at least 16 characters');
  return value;
}

/** `CORS_ORIGINS=https://a.example,https://b.example`; the demo also allows local dev servers by default. */
function readCorsOrigins(value: string | undefined, demo: boolean, problems: string[]): (string | RegExp)[] {
  if (value === undefined) return demo ? [/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/] : [];
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ORIGINS entry "${origin}" must be an origin like https://shop.example.com`);
  }
  return origins;
}

/** `TRUST_PROXY`: unset/false, true, a hop count, or a comma list of proxy addresses (Fastify's trustProxy). */
function readTrustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function parseDatabaseUrl(url: string | undefined, problems: string[]): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: resolve(REPO_ROOT, 'data', 'member-commerce.sqlite') };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) problems.push('DATABASE_URL sqlite:<path> needs a path');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(process.cwd(), path) };
  }
  if (/^mysql:\/\/|^mariadb:\/\//.test(url)) {
    try {
      const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
      if (!parsed.pathname || parsed.pathname === '/')
        problems.push('DATABASE_URL must name a database: mysql://user:pass@host:3306/db');
      return { type: 'mysql', url: parsed.toString() };
    } catch {
      problems.push('DATABASE_URL is not a valid mysql:// URL');
    }
  } else {
    problems.push('DATABASE_URL must start with sqlite: or mysql://');
  }
  return { type: 'sqlite', path: ':memory:' };
}

function readStorage(env: Env, problems: string[]): StorageConfig {
  const driver = env.STORAGE_DRIVER ?? 'local';
  if (driver === 'local') return { driver, dir: resolve(REPO_ROOT, env.MEDIA_DIR ?? 'data/media') };
  if (driver !== 's3') {
    problems.push(`STORAGE_DRIVER must be "local" or "s3" (got "${driver}")`);
    return { driver: 'local', dir: resolve(REPO_ROOT, 'data/media') };
  }
  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required when STORAGE_DRIVER=s3`);
    return value ?? '';
  };
  return {
    driver,
    endpoint: required('S3_ENDPOINT').replace(/\/$/, ''),
    region: env.S3_REGION ?? 'us-east-1',
    bucket: required('S3_BUCKET'),
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
    publicBaseUrl: required('S3_PUBLIC_BASE_URL').replace(/\/$/, ''),
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== '0',
  };
}

function readLiveWechat(env: Env, problems: string[]): WechatLiveConfig {
  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required when WECHAT_MODE=live`);
    return value ?? '';
  };
  const pem = (name: string): string => {
    const value = required(name);
    if (!value || value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
    const path = isAbsolute(value) ? value : resolve(process.cwd(), value);
    if (!existsSync(path)) {
      problems.push(`${name} is neither PEM text nor a readable file (${path})`);
      return '';
    }
    return readFileSync(path, 'utf8');
  };
  const apiV3Key = required('WECHAT_PAY_APIV3_KEY');
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32) problems.push('WECHAT_PAY_APIV3_KEY must be 32 characters');
  return {
    appId: required('WECHAT_APPID'),
    secret: required('WECHAT_SECRET'),
    apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
    mchId: required('WECHAT_MCHID'),
    paySerial: required('WECHAT_PAY_SERIAL'),
    payPrivateKey: pem('WECHAT_PAY_PRIVATE_KEY'),
    apiV3Key,
    platformPublicKey: pem('WECHAT_PAY_PLATFORM_PUBLIC_KEY'),
    platformPublicKeyId: required('WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID'),
    notifyUrl: required('WECHAT_PAY_NOTIFY_URL'),
    payApiBase: (env.WECHAT_PAY_API_BASE ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, ''),
    ...(env.WECHAT_PAPAY_PLAN_ID ? { papayPlanId: Number(env.WECHAT_PAPAY_PLAN_ID) } : {}),
    ...(env.WECHAT_PAPAY_NOTIFY_URL ? { papayNotifyUrl: env.WECHAT_PAPAY_NOTIFY_URL } : {}),
  };
}
