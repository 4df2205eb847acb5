export * from './money';
export * from './order-money';
export * from './time';
export * from './enums';
export * from './errors';
export * from './pagination';
export * from './auth';
export * from './catalog';
export * from './membership';
export * from './orders';
export * from './admin';
export * from './storefront';
export * from './price-list';
export * from './audit';
export * from './benefit-config';
export * from './carriers';
export * from './finance';
export * from './reminders';
export * from './message-fields';
export * from './media';
export * from './banners';
export * from './dev-wechat';
export * from './after-sales';
export * from './error-text';
export * from './shop-calendar';
export * from './order-status-groups';
export * from './lifecycle';
export * from './auto-renew';
export * from './wechat-shipping';
export * from './codes';
export * from './wechat-errors';
export * from './storefront-pages';
export * from './customer-profile';
// The API contract generated from the server's /api/docs-json (scripts/generate-api-client.mjs), for openapi-fetch.
export type {
  paths as ApiPaths,
  components as ApiComponents,
  operations as ApiOperations,
} from './api/generated/openapi';
