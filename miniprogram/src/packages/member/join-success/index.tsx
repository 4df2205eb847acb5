import { useRouter } from '@tarojs/taro';
import { Clock, Success, Warning } from '../../../components/icons';
import { Text, View } from '@tarojs/components';
import { formatFen, OrderStatus } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useConsent } from '../../../hooks/use-consent';
import { joinOutcome, useJoinResult } from '../../../hooks/use-join-result';
import { useOrderActions } from '../../../hooks/use-order-actions';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import { daysLeftLabel, formatDate } from '../../../utils/format';
import './index.css';

export default function JoinSuccessPage() {
  const { params } = useRouter();
  const { data, error, loading, reload } = useJoinResult(params.orderId, Boolean(params.cancelled));
  const consent = useConsent();
  const actions = useOrderActions(reload);
  const order = data?.order;
  const m = data?.membership;
  const welcome = data?.gifts?.welcome;

  return (
    <View className='page join-success'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        {order && m && (
          <View className='join-success__card' data-testid='join-success'>
            <View className='join-success__icon'>
              <Success size={48} color='#e2b467' />
            </View>
            <Text className='join-success__title'>{joinOutcome(order, m)}</Text>
            <Text className='join-success__tier'>{m.tier?.name}</Text>
            <View className='join-success__facts'>
              <View className='row row--between'>
                <Text className='muted'>支付金额</Text>
                <Text>{formatFen(order.totalFen)}</Text>
              </View>
              <View className='row row--between'>
                <Text className='muted'>有效期至</Text>
                <Text data-testid='term-end'>{formatDate(m.termEnd)}</Text>
              </View>
              <View className='row row--between'>
                <Text className='muted'>剩余天数</Text>
                <Text>{daysLeftLabel(m.daysLeft)}</Text>
              </View>
            </View>
            {welcome?.status === 'CLAIMABLE' && (
              <View className='join-success__gift' data-testid='join-gift-next' data-status='CLAIMABLE'>
                <Text className='join-success__gift-title'>下一步：领取{welcome.title}</Text>
                <Text className='muted'>从礼包中任选其一，填写收货地址并确认后，我们会尽快寄出。</Text>
                <Button type='primary' block onClick={() => go(Routes.giftPacks)} data-testid='join-gift-choose'>
                  选择开卡礼包
                </Button>
              </View>
            )}
            {welcome?.status === 'CLAIMED' && (
              <View className='join-success__gift' data-testid='join-gift-next' data-status='CLAIMED'>
                <Text className='join-success__gift-title'>你的开卡礼已在路上</Text>
                <Text className='muted'>
                  {welcome.giftPack?.name ?? '开卡礼包'}已安排发货，可在礼包订单中查看物流。
                </Text>
                <Button
                  block
                  onClick={() =>
                    welcome.orderId ? go(Routes.orderDetail, { id: welcome.orderId }) : go(Routes.giftPacks)
                  }
                >
                  查看礼包订单
                </Button>
              </View>
            )}
            <View className='join-success__consent'>
              <Text className='join-success__consent-title'>到期前提醒我续费</Text>
              <Text className='muted'>订阅后将在会员到期前通过微信服务通知提醒你，避免权益中断</Text>
              {consent.state === 'accepted' ? (
                <Text className='join-success__consent-done' data-testid='consent-done'>
                  已订阅续费提醒
                </Text>
              ) : (
                <Button
                  type='primary'
                  block
                  loading={consent.state === 'asking'}
                  onClick={consent.ask}
                  data-testid='consent-button'
                >
                  {consent.state === 'declined' ? '重新订阅提醒' : '订阅续费提醒'}
                </Button>
              )}
            </View>
            <View className='join-success__buttons'>
              <Button onClick={() => go(Routes.membership)}>查看会员权益</Button>
              <Button type='primary' onClick={() => go(Routes.home)}>
                去逛逛
              </Button>
            </View>
          </View>
        )}
        {order && !m && (
          <View className='join-success__card' data-testid='join-pending' data-status={order.status}>
            <View className='join-success__icon'>
              {order.status === OrderStatus.CLOSED ? (
                <Warning size={48} color='#a39e98' />
              ) : (
                <Clock size={48} color='#e2b467' />
              )}
            </View>
            <Text className='join-success__title'>
              {order.status === OrderStatus.CLOSED ? '订单已关闭' : '尚未完成支付'}
            </Text>
            <Text className='muted'>订单号 {order.outTradeNo}</Text>
            {order.status === OrderStatus.PENDING_PAYMENT ? (
              <View className='join-success__buttons'>
                <Button onClick={() => actions.cancel(order)}>取消订单</Button>
                <Button type='primary' onClick={() => actions.pay(order)}>
                  重新支付
                </Button>
              </View>
            ) : (
              <Button type='primary' onClick={() => go(Routes.membership)}>
                返回会员中心
              </Button>
            )}
          </View>
        )}
      </PageState>
    </View>
  );
}
