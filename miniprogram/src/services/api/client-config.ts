import type { ClientConfig } from '@member-commerce/shared';
import { setShopTimeZone } from '../../utils/format';
import { http } from '../request';

let cached: Promise<ClientConfig> | null = null;

/** Fetched once per launch; a failure is not cached so the next caller retries. */
export function getClientConfig(): Promise<ClientConfig> {
  if (!cached) {
    cached = http.get<ClientConfig>('/api/client-config', { auth: 'none' }).then((config) => {
      setShopTimeZone(config.shopTimeZone);
      return config;
    });
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
