import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { toApiError, type ApiError } from '../services/api-error';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Loads again; keeps showing the old data meanwhile. */
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

interface Options {
  /** Reload whenever the page shows again (after coming back from another page). */
  onShow?: boolean;
  /** Wire the page's pull-down-refresh to reload (page config needs enablePullDownRefresh). */
  pullDown?: boolean;
}

/** Loading / error / data for one async source, with pull-to-refresh and reload-on-show. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = [], options: Options = {}): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);
  const mounted = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine === seq.current) {
        setData(value);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(toApiError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useDidShow(() => {
    // The first show coincides with the mount load above.
    if (mounted.current && options.onShow) void reload();
    mounted.current = true;
  });

  usePullDownRefresh(() => {
    if (!options.pullDown) return;
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, error, loading, reload, setData };
}
