import type { ClientConfig } from '@member-commerce/shared';
import { http } from '../request';

let cached: Promise<ClientConfig> | null = null;

/** Fetched once per launch; a failure is not cached so the next caller retries. */
export function getClientConfig(): Promise<ClientConfig> {
  if (!cached) {
    cached = http.get<ClientConfig>('/api/client-config', { auth: 'none' }).catch((error) => {
      cached = null;
      throw error;
    });
  }
  return cached;
}
