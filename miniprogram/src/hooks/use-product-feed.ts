import { useCallback, useEffect, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { MAX_PAGE_SIZE, type ProductView } from '@member-commerce/shared';
import { listProducts } from '../services/api/catalog';
import { toApiError, type ApiError } from '../services/api-error';

const FEED_PAGE_SIZE = 20;

/**
 * The home feed for one category, 20 products a page: scrolling to the end loads the next page.
 * It loads once `caller` is known (prices and member-first products depend on who asks) and, whenever
 * `caller` is reloaded, re-reads every page already shown in one request, so the scroll position stays.
 */
export function useProductFeed(category: string, caller: unknown) {
  const [items, setItems] = useState<ProductView[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const pages = useRef(0);
  const seq = useRef(0);

  const fetchPages = useCallback(
    async (from: number, count: number) => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const pageSize = FEED_PAGE_SIZE * count;
        const res = await listProducts({ category: category || undefined, page: (from - 1) / count + 1, pageSize });
        if (mine !== seq.current) return;
        setItems((prev) => (from === 1 ? res.items : [...(prev ?? []), ...res.items]));
        setTotal(res.total);
        pages.current = from - 1 + count;
        setError(undefined);
      } catch (e) {
        if (mine === seq.current) setError(toApiError(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [category],
  );

  const shownCategory = useRef<string>();
  useEffect(() => {
    if (caller === undefined) return;
    if (shownCategory.current !== category) {
      shownCategory.current = category;
      setItems(undefined);
      pages.current = 0;
    }
    void fetchPages(1, Math.min(Math.max(pages.current, 1), MAX_PAGE_SIZE / FEED_PAGE_SIZE));
  }, [fetchPages, caller, category]);

  const hasMore = items !== undefined && items.length < total;
  useReachBottom(() => {
    if (!loading && hasMore) void fetchPages(pages.current + 1, 1);
  });

  return { items, total, loading, error, hasMore, retry: () => fetchPages(pages.current + 1, 1) };
}
