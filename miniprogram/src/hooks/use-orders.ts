import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { CustomerOrderGroup, OrderStatus, OrderView } from '@member-commerce/shared';
import { listOrders } from '../services/api/orders';
import { toApiError, type ApiError } from '../services/api-error';

const PAGE_SIZE = 10;

/** One tab of the order list: a status, a group of 我的 (待付款 / 待发货 / 待收货), or everything. */
export interface OrderFilter {
  status?: OrderStatus;
  group?: CustomerOrderGroup;
}

/** The caller's orders for one tab, paged: pull down to refresh, scroll to the end for more. */
export function useOrders({ status, group }: OrderFilter) {
  const [items, setItems] = useState<OrderView[]>();
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    async (nextPage: number) => {
      setLoading(true);
      try {
        const res = await listOrders({ status, group, page: nextPage, pageSize: PAGE_SIZE });
        setItems((prev) => (nextPage === 1 ? res.items : [...(prev ?? []), ...res.items]));
        setTotal(res.total);
        setPage(nextPage);
        setError(undefined);
      } catch (e) {
        setError(toApiError(e));
      } finally {
        setLoading(false);
      }
    },
    [status, group],
  );

  useEffect(() => {
    setItems(undefined);
    void load(1);
  }, [load]);

  useDidShow(() => {
    if (items) void load(1);
  });
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (!loading && items && items.length < total) void load(page + 1);
  });

  return { items, total, loading, error, reload: () => load(1), hasMore: (items?.length ?? 0) < total };
}
