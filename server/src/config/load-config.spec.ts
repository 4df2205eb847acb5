import { ConfigError, DEV_JWT_SECRET, loadConfig } from './load-config';

const MYSQL = 'mysql://app:app@127.0.0.1:3306/shop';
const SECRET = 'a-production-secret-of-at-least-32-chars';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('loadConfig: running safely', () => {
  it('the embedded SQLite demo needs no configuration: dev WeChat, dev secret, demo staff', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.wechat.mode).toBe('dev');
    expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.seedDemo).toBe(true);
  });

  it('a MySQL database without WECHAT_MODE and JWT_SECRET refuses to start, listing both problems', () => {
    const message = problems({ DATABASE_URL: MYSQL });
    expect(message).toMatch(/WECHAT_MODE must be set explicitly/);
    expect(message).toMatch(/JWT_SECRET must be set explicitly/);
  });

  it('NODE_ENV=production refuses the dev simulator even when asked for explicitly, and the public dev secret', () => {
    const message = problems({ NODE_ENV: 'production', WECHAT_MODE: 'dev', JWT_SECRET: DEV_JWT_SECRET });
    expect(message).toMatch(/WECHAT_MODE=dev .* refused with NODE_ENV=production/);
    expect(message).toMatch(/JWT_SECRET must not be the public dev secret/);
  });

  it('NODE_ENV=production on SQLite is not the demo either', () => {
    const message = problems({ NODE_ENV: 'production' });
    expect(message).toMatch(/WECHAT_MODE must be set explicitly/);
    expect(message).toMatch(/JWT_SECRET must be set explicitly/);
  });

  it('outside the demo a short secret is refused', () => {
    expect(problems({ DATABASE_URL: MYSQL, WECHAT_MODE: 'dev', JWT_SECRET: 'sixteen-chars-xx' })).toMatch(
      /at least 32 characters/,
    );
  });

  it('MySQL with dev WeChat stated explicitly (staging) starts, seeds nothing unless SEED_DEMO=1, allows no CORS origin', () => {
    const config = loadConfig({ DATABASE_URL: MYSQL, WECHAT_MODE: 'dev', JWT_SECRET: SECRET });
    expect(config.demo).toBe(false);
    expect(config.seedDemo).toBe(false);
    expect(config.http.corsOrigins).toEqual([]);
    expect(loadConfig({ DATABASE_URL: MYSQL, WECHAT_MODE: 'dev', JWT_SECRET: SECRET, SEED_DEMO: '1' }).seedDemo).toBe(
      true,
    );
  });

  it('SERVER_WORKERS runs several API processes only on MySQL/MariaDB; one by default', () => {
    expect(loadConfig({}).serverWorkers).toBe(1);
    const env = { DATABASE_URL: MYSQL, WECHAT_MODE: 'dev', JWT_SECRET: SECRET };
    expect(loadConfig({ ...env, SERVER_WORKERS: '4' }).serverWorkers).toBe(4);
    expect(problems({ SERVER_WORKERS: '2' })).toMatch(/SERVER_WORKERS > 1 needs MySQL\/MariaDB/);
    expect(problems({ ...env, SERVER_WORKERS: '0' })).toMatch(/SERVER_WORKERS must be an integer ≥ 1/);
  });

  it('CORS only for configured origins; a malformed origin is a configuration error', () => {
    const config = loadConfig({
      DATABASE_URL: MYSQL,
      WECHAT_MODE: 'dev',
      JWT_SECRET: SECRET,
      CORS_ORIGINS: 'https://shop.example.com, https://admin.example.com',
    });
    expect(config.http.corsOrigins).toEqual(['https://shop.example.com', 'https://admin.example.com']);
    expect(problems({ CORS_ORIGINS: '*' })).toMatch(/CORS_ORIGINS entry "\*"/);
  });

  it('rate limits, token lifetimes and timeouts are configurable and validated', () => {
    const config = loadConfig({
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      STAFF_TOKEN_TTL_SECONDS: '600',
      REQUEST_TIMEOUT_MS: '5000',
    });
    expect(config.rateLimit.login.perAccount).toBe(3);
    expect(config.rateLimit.windowSeconds).toBe(60);
    expect(config.staffTokenTtlSeconds).toBe(600);
    expect(config.http.requestTimeoutMs).toBe(5000);
    expect(problems({ RATE_LIMIT_LOGIN_PER_IP: '0', REQUEST_TIMEOUT_MS: 'soon' })).toMatch(
      /RATE_LIMIT_LOGIN_PER_IP[\s\S]*REQUEST_TIMEOUT_MS/,
    );
  });
});
