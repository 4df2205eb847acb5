import type { ClientConfig } from '@member-commerce/shared';
import { setShopTimeZone } from '../../utils/format';
import { anonymousApi, call } from '../request';

let cached: Promise<ClientConfig> | null = null;

/** Fetched once per launch; a failure is not cached so the next caller retries. */
export function getClientConfig(): Promise<ClientConfig> {
  if (!cached) {
    cached = call<ClientConfig>(anonymousApi.GET('/api/client-config')).then((config) => {
      setShopTimeZone(config.shopTimeZone);
      return config;
    });
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
