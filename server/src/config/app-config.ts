import { WechatMode } from '@member-commerce/shared';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'mysql'; url: string };

export interface WechatLiveConfig {
  appId: string;
  secret: string;
  apiBase: string;
  mchId: string;
  paySerial: string;
  /** PEM text of the merchant private key. */
  payPrivateKey: string;
  apiV3Key: string;
  /** PEM text of the WeChat Pay platform public key. */
  platformPublicKey: string;
  platformPublicKeyId: string;
  notifyUrl: string;
  payApiBase: string;
  /** 委托代扣 template (plan_id) of the auto-renew contract; absent → auto-renew contracts cannot be signed. */
  papayPlanId?: number;
  /** Where WeChat posts contract (sign / terminate) notifications; default: /api/auto-renew/wechat/notify beside notifyUrl. */
  papayNotifyUrl?: string;
}

export interface WechatConfig {
  mode: WechatMode;
  /** Required in live mode; in dev mode the simulator makes its own keys and ids. */
  live?: WechatLiveConfig;
  /** Template id of the renewal-reminder subscribe message. */
  renewalTemplateId: string;
  /** Token of the mini-program message push (消息推送), which signs WeChat's trade-management events; unset: not received. */
  pushToken?: string;
}

/** Requests per window, per account and per client IP, for one kind of route. */
export interface RateLimit {
  perAccount: number;
  perIp: number;
}

export interface RateLimitConfig {
  windowSeconds: number;
  /** Staff login (customer logins count only failures: `customerLoginFailuresPerIp`). */
  login: RateLimit;
  /** Refused WeChat login codes (and malformed login bodies) per client address per window. */
  customerLoginFailuresPerIp: number;
  /** Routes worth guessing or hammering: refunds, password changes, payment confirmation. */
  sensitive: RateLimit;
  /** Membership code redemption (guessing codes). */
  redeem: RateLimit;
}

export interface HttpConfig {
  /** Origins allowed by CORS; empty = no cross-origin access (the apps are served from this server). */
  corsOrigins: (string | RegExp)[];
  /** Fastify `trustProxy`: false, true, a hop count or a list of proxy addresses. */
  trustProxy: boolean | number | string;
  /** A request (headers and body) must arrive within this; slow clients are cut. */
  requestTimeoutMs: number;
  /** Idle sockets are closed after this. */
  connectionTimeoutMs: number;
  bodyLimitBytes: number;
}

/** Where uploaded pictures live: a folder served at /media/ (default), or an S3-compatible bucket (OSS, COS, MinIO, S3). */
export type StorageConfig =
  | { driver: 'local'; dir: string }
  | {
      driver: 's3';
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** Public base URL of the bucket (or its CDN); object URLs are `<base>/<key>`. */
      publicBaseUrl: string;
      /** `endpoint/bucket/key` rather than `bucket.endpoint/key` (MinIO and most self-hosted stores). */
      forcePathStyle: boolean;
    };

export interface MediaConfig {
  storage: StorageConfig;
  /** Largest accepted upload. */
  maxUploadBytes: number;
  /** Hosts whose https pictures banners and products may show besides uploaded media (MEDIA_ALLOWED_HOSTS). */
  allowedImageHosts: string[];
}

/** The one typed configuration object, read and validated from the environment at boot. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Public base URL of this server, used for dev notify URLs and printed links. */
  publicUrl: string;
  database: DatabaseConfig;
  seedDemo: boolean;
  /** IANA zone that decides calendar days for terms, reminders and finance months. */
  shopTimeZone: string;
  /** True for the embedded SQLite demo, where dev WeChat, the dev JWT secret and demo staff are the defaults. */
  demo: boolean;
  jwtSecret: string;
  customerTokenTtlSeconds: number;
  staffTokenTtlSeconds: number;
  unpaidOrderTtlMinutes: number;
  /** A shipped order the customer has not confirmed completes by itself this many days after shipping. */
  orderAutoCompleteDays: number;
  /** Refunds above this need the finance or admin role. */
  operatorRefundLimitFen: number;
  supportMaxExtensionDays: number;
  logLevel: string;
  /** Directories of the built clients served at /h5/ and /admin/ (absent → not served). */
  staticDirs: { h5: string; admin: string };
  /** Where uploaded files (after-sales photos) are kept. */
  uploadDir: string;
  wechat: WechatConfig;
  rateLimit: RateLimitConfig;
  http: HttpConfig;
  media: MediaConfig;
  /**
   * `SERVER_WORKERS`: API processes `pnpm start` runs on one port (node:cluster; docs/operations.md). 1 by default;
   * more only on MySQL/MariaDB (one SQLite file serves one process).
   */
  serverWorkers: number;
  /** Run schedulers (order expiry, reconciliation, reminders). Off in API tests that drive time themselves. */
  schedulersEnabled: boolean;
  /** Dev mode: the simulated WeChat finishes an accepted refund (and notifies) this long after accepting it. */
  devRefundSettleSeconds: number;
  /** Where finance export jobs keep their files (a volume all API processes share). */
  exportDir: string;
  autoRenew: AutoRenewConfig;
}

/** Auto-renew (WeChat 委托代扣) timing. */
export interface AutoRenewConfig {
  /** The pre-deduction notice goes out this many days before the term ends (≥ 5: the notice must precede the charge by 5 days). */
  noticeDays: number;
  /** After a renewal charge failed for good, member prices are kept this many days (宽限期) before the term lapses. */
  graceDays: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
