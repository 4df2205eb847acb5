import { useRouter } from '@tarojs/taro';
import { Clock, Success, Warning } from '../../../components/icons';
import { Text, View } from '@tarojs/components';
import { formatFen, OrderStatus } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { useOrderActions } from '../../../hooks/use-order-actions';
import { Routes } from '../../../routes';
import { go, replace } from '../../../services/navigation';
import { assertId, waitUntilPaid } from '../../../services/payment';
import { orderStatusLabel } from '../../../utils/format';
import './index.css';

export default function OrderResultPage() {
  const { params } = useRouter();
  const {
    data: order,
    error,
    loading,
    reload,
  } = useAsync(() => waitUntilPaid(assertId(params.orderId), params.cancelled ? 0 : 12), [params.orderId]);
  const actions = useOrderActions(reload);
  const paid = order && order.status !== OrderStatus.PENDING_PAYMENT && order.status !== OrderStatus.CLOSED;

  return (
    <View className='page order-result'>
      <PageState loading={loading} error={error} hasData={Boolean(order)} onRetry={reload}>
        {order && (
          <View className='order-result__card' data-testid='order-result' data-status={order.status}>
            <View className='order-result__icon'>
              {paid ? (
                <Success size={48} color='#52c41a' />
              ) : order.status === OrderStatus.CLOSED ? (
                <Warning size={48} color='#a39e98' />
              ) : (
                <Clock size={48} color='#e2b467' />
              )}
            </View>
            <Text className='order-result__title'>
              {paid ? '支付成功' : order.status === OrderStatus.CLOSED ? '订单已关闭' : '订单待支付'}
            </Text>
            <Text className='order-result__amount'>{formatFen(order.totalFen)}</Text>
            {order.savingsFen > 0 && (
              <Text className='order-result__saving'>会员价为您节省 {formatFen(order.savingsFen)}</Text>
            )}
            <Text className='muted'>
              订单号 {order.outTradeNo} · {orderStatusLabel[order.status]}
            </Text>
            <View className='order-result__buttons'>
              {order.status === OrderStatus.PENDING_PAYMENT && (
                <>
                  <Button onClick={() => actions.cancel(order)}>取消订单</Button>
                  <Button type='primary' onClick={() => actions.pay(order)}>
                    重新支付
                  </Button>
                </>
              )}
              {order.status !== OrderStatus.PENDING_PAYMENT && (
                <>
                  <Button onClick={() => replace(Routes.orderDetail, { id: order.id })}>查看订单</Button>
                  <Button type='primary' onClick={() => go(Routes.home)}>
                    继续逛逛
                  </Button>
                </>
              )}
            </View>
          </View>
        )}
      </PageState>
    </View>
  );
}
