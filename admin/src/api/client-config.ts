import type { ClientConfig } from '@member-commerce/shared';
import { useEffect, useState } from 'react';
import { setShopTimeZone } from '../format';
import { api, call } from './client';

let cached: Promise<ClientConfig> | null = null;

/** The server's client config (shop time zone, WeChat mode), fetched once; a failure is retried by the next caller. */
function loadClientConfig(): Promise<ClientConfig> {
  if (!cached) {
    cached = call<ClientConfig>(api.GET('/api/client-config')).then((config) => {
      setShopTimeZone(config.shopTimeZone);
      return config;
    });
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** The client config once loaded (undefined before). */
export function useClientConfig(): ClientConfig | undefined {
  const [config, setConfig] = useState<ClientConfig>();
  useEffect(() => {
    let live = true;
    loadClientConfig().then(
      (loaded) => live && setConfig(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return config;
}
