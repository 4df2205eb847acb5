import { WechatMode } from '@member-commerce/shared';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; url: string };

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
}

export interface WechatConfig {
  mode: WechatMode;
  /** Required in live mode; in dev mode the simulator makes its own keys and ids. */
  live?: WechatLiveConfig;
  /** Template id of the renewal-reminder subscribe message. */
  renewalTemplateId: string;
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
  jwtSecret: string;
  customerTokenTtlSeconds: number;
  staffTokenTtlSeconds: number;
  unpaidOrderTtlMinutes: number;
  /** Refunds above this need the finance or admin role. */
  operatorRefundLimitFen: number;
  supportMaxExtensionDays: number;
  logLevel: string;
  /** Directories of the built clients served at /h5/ and /admin/ (absent → not served). */
  staticDirs: { h5: string; admin: string };
  /** Where uploaded files (after-sales photos) are kept. */
  uploadDir: string;
  wechat: WechatConfig;
  /** Run schedulers (order expiry, reconciliation, reminders). Off in API tests that drive time themselves. */
  schedulersEnabled: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
