import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CustomerOrderGroup, OrderStatus } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { orderActions } from '../../../components/order-actions';
import { OrderCard } from '../../../components/order-card';
import { PageState } from '../../../components/page-state';
import { useOrderActions } from '../../../hooks/use-order-actions';
import { useOrders, type OrderFilter } from '../../../hooks/use-orders';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import './index.css';

const tabs: { key: string; label: string; filter: OrderFilter }[] = [
  { key: 'ALL', label: '全部', filter: {} },
  { key: CustomerOrderGroup.TO_PAY, label: '待付款', filter: { group: CustomerOrderGroup.TO_PAY } },
  { key: CustomerOrderGroup.TO_SHIP, label: '待发货', filter: { group: CustomerOrderGroup.TO_SHIP } },
  { key: CustomerOrderGroup.TO_RECEIVE, label: '待收货', filter: { group: CustomerOrderGroup.TO_RECEIVE } },
  { key: OrderStatus.COMPLETED, label: '已完成', filter: { status: OrderStatus.COMPLETED } },
  { key: OrderStatus.REFUNDED, label: '已退款', filter: { status: OrderStatus.REFUNDED } },
];

/** A tab named by `?tab=` (a group or a status), else 全部. */
const tabOf = (key?: string) => tabs.find((t) => t.key === key) ?? tabs[0];

export default function OrdersPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState(tabOf(params.tab ?? params.status));
  const { items, loading, error, reload, hasMore } = useOrders(tab.filter);
  const actions = useOrderActions(reload);

  return (
    <View className='page orders'>
      <View className='orders__tabs'>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`orders__tab ${tab.key === t.key ? 'orders__tab--on' : ''}`}
            onClick={() => setTab(t)}
          >
            {t.label}
          </View>
        ))}
      </View>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(items)}
        onRetry={reload}
        empty={items?.length === 0}
        emptyText='暂无相关订单'
        emptyAction={
          <Button size='small' type='primary' onClick={() => go(Routes.home)}>
            去逛逛
          </Button>
        }
      >
        {items?.map((o) => (
          <OrderCard key={o.id} order={o} actions={orderActions(o, actions)} />
        ))}
        {items && items.length > 0 && (
          <Text className='orders__more'>{loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</Text>
        )}
      </PageState>
    </View>
  );
}
