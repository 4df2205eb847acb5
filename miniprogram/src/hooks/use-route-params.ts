import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { isH5 } from '../services/env';

const queryOf = (hash: string) => Object.fromEntries(new URLSearchParams(hash.split('?')[1] ?? ''));

/**
 * The page's query parameters, kept current in H5: editing the URL (e.g. another product id) while the page is
 * open changes only the hash, and Taro keeps the page with the parameters it was created with.
 */
export function useRouteParams(): Record<string, string | undefined> {
  const { params } = useRouter();
  const [current, setCurrent] = useState<Record<string, string | undefined>>(params);
  useEffect(() => {
    if (!isH5) return undefined;
    const path = Taro.getCurrentInstance().router?.path?.split('?')[0] ?? '';
    const sync = () => {
      if (path && window.location.hash.split('?')[0].endsWith(path)) setCurrent(queryOf(window.location.hash));
    };
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  return current;
}
