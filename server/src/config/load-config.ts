import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { WechatMode } from '@member-commerce/shared';
import type { AppConfig, DatabaseConfig, WechatLiveConfig } from './app-config';

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
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development|production|test`);
  const port = int('PORT', 3000, 0);
  const database = parseDatabaseUrl(env.DATABASE_URL, problems);
  const mode = (env.WECHAT_MODE ?? WechatMode.DEV) as AppConfig['wechat']['mode'];
  if (mode !== WechatMode.DEV && mode !== WechatMode.LIVE) problems.push(`WECHAT_MODE must be "dev" or "live" (got "${mode}")`);
  const live = mode === WechatMode.LIVE ? readLiveWechat(env, problems) : undefined;
  const shopTimeZone = env.SHOP_TIME_ZONE ?? 'Asia/Shanghai';
  if (!isValidTimeZone(shopTimeZone)) problems.push(`SHOP_TIME_ZONE "${shopTimeZone}" is not an IANA time zone`);
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? '' : 'member-commerce-dev-secret-change-me');
  if (jwtSecret.length < 16) problems.push('JWT_SECRET must be set to at least 16 characters in production');

  const config: AppConfig = {
    env: nodeEnv,
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    database,
    seedDemo: env.SEED_DEMO !== undefined ? env.SEED_DEMO === '1' : database.type === 'sqlite',
    shopTimeZone,
    jwtSecret,
    customerTokenTtlSeconds: int('CUSTOMER_TOKEN_TTL_SECONDS', 30 * 24 * 3600, 60),
    staffTokenTtlSeconds: int('STAFF_TOKEN_TTL_SECONDS', 12 * 3600, 60),
    unpaidOrderTtlMinutes: int('UNPAID_ORDER_TTL_MINUTES', 15, 1),
    operatorRefundLimitFen: int('OPERATOR_REFUND_LIMIT_FEN', 200_000, 0),
    supportMaxExtensionDays: int('SUPPORT_MAX_EXTENSION_DAYS', 30, 0),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    staticDirs: {
      h5: resolve(REPO_ROOT, env.H5_DIR ?? 'miniprogram/dist/h5'),
      admin: resolve(REPO_ROOT, env.ADMIN_DIR ?? 'admin/dist'),
    },
    uploadDir: resolve(REPO_ROOT, env.UPLOAD_DIR ?? 'data/uploads'),
    wechat: { mode, live, renewalTemplateId: env.WECHAT_RENEWAL_TEMPLATE_ID ?? 'tmpl_renewal_reminder_dev' },
    schedulersEnabled: env.SCHEDULERS !== '0',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
      if (!parsed.pathname || parsed.pathname === '/') problems.push('DATABASE_URL must name a database: mysql://user:pass@host:3306/db');
      return { type: 'mysql', url: parsed.toString() };
    } catch {
      problems.push('DATABASE_URL is not a valid mysql:// URL');
    }
  } else {
    problems.push('DATABASE_URL must start with sqlite: or mysql://');
  }
  return { type: 'sqlite', path: ':memory:' };
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
  };
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
