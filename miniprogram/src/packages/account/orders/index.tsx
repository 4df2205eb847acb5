import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OrderStatus } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { OrderCard } from '../../../components/order-card';
import { PageState } from '../../../components/page-state';
import { useOrderActions } from '../../../hooks/use-order-actions';
import { useOrders } from '../../../hooks/use-orders';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import './index.css';

const tabs: { label: string; status: OrderStatus | '' }[] = [
  { label: '全部', status: '' },
  { label: '待支付', status: OrderStatus.PENDING_PAYMENT },
  { label: '已支付', status: OrderStatus.PAID },
  { label: '已发货', status: OrderStatus.SHIPPED },
  { label: '已完成', status: OrderStatus.COMPLETED },
  { label: '退款', status: OrderStatus.REFUNDED },
  { label: '已关闭', status: OrderStatus.CLOSED },
];

export default function OrdersPage() {
  const { params } = useRouter();
  const [status, setStatus] = useState<OrderStatus | ''>((params.status as OrderStatus) ?? '');
  const { items, loading, error, reload, hasMore } = useOrders(status);
  const actions = useOrderActions(reload);

  return (
    <View className='page orders'>
      <View className='orders__tabs'>
        {tabs.map((t) => (
          <View
            key={t.label}
            className={`orders__tab ${status === t.status ? 'orders__tab--on' : ''}`}
            onClick={() => setStatus(t.status)}
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
          <OrderCard
            key={o.id}
            order={o}
            actions={
              o.status === OrderStatus.PENDING_PAYMENT ? (
                <>
                  <Button size='small' onClick={() => actions.cancel(o)}>
                    取消订单
                  </Button>
                  <Button size='small' type='primary' onClick={() => actions.pay(o)}>
                    去支付
                  </Button>
                </>
              ) : undefined
            }
          />
        ))}
        {items && items.length > 0 && (
          <Text className='orders__more'>{loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</Text>
        )}
      </PageState>
    </View>
  );
}
