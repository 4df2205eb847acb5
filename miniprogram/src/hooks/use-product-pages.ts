import { useCallback, useEffect, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { ProductView } from '@member-commerce/shared';
import { toApiError, type ApiError } from '../services/api-error';
import { searchProducts } from '../services/api/discovery';

const PAGE_SIZE = 20;

export interface ProductPages {
  items: ProductView[];
  total: number;
  loading: boolean;
  error: ApiError | undefined;
  /** True once the first page for the current filter has arrived. */
  loaded: boolean;
  hasMore: boolean;
  reload: () => void;
}

/**
 * Products matching a filter, a page at a time: the next page loads when the page scrolls to the bottom.
 * `enabled: false` (e.g. an empty search box) shows nothing and loads nothing.
 */
export function useProductPages(filter: { q?: string; category?: string }, enabled = true): ProductPages {
  const [items, setItems] = useState<ProductView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError>();
  const next = useRef(1);
  const generation = useRef(0);
  const busy = useRef(false);

  const loadPage = useCallback(
    async (page: number) => {
      const mine = generation.current;
      busy.current = true;
      setLoading(true);
      try {
        const result = await searchProducts({
          page,
          pageSize: PAGE_SIZE,
          q: filter.q || undefined,
          category: filter.category || undefined,
        });
        if (mine !== generation.current) return;
        setItems((before) => (page === 1 ? result.items : [...before, ...result.items]));
        setTotal(result.total);
        setError(undefined);
        setLoaded(true);
        next.current = page + 1;
      } catch (e) {
        if (mine === generation.current) setError(toApiError(e));
      } finally {
        if (mine === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [filter.q, filter.category],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    busy.current = false;
    next.current = 1;
    setItems([]);
    setTotal(0);
    setLoaded(false);
    if (enabled) void loadPage(1);
  }, [enabled, loadPage]);

  useEffect(reload, [reload]);

  const hasMore = loaded && items.length < total;
  useReachBottom(() => {
    if (enabled && hasMore && !busy.current) void loadPage(next.current);
  });

  return { items, total, loading, error, loaded, hasMore, reload };
}
