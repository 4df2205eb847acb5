import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatFen } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { OrderCard } from '../../../components/order-card';
import { PageState } from '../../../components/page-state';
import { useGiftPacks } from '../../../hooks/use-gift-packs';
import './index.css';

export default function GiftPacksPage() {
  const { data, error, loading, reload, claim, claiming } = useGiftPacks();
  const [picked, setPicked] = useState<Record<string, number>>({});
  const empty = data && data.claimable.length === 0 && data.orders.length === 0;

  return (
    <View className='page gift-packs'>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={empty}
        emptyText='还没有礼包，开通会员即可领取开卡礼'
      >
        {data && data.claimable.length > 0 && <Text className='gift-packs__section'>待领取</Text>}
        {data?.claimable.map((gift) => {
          const key = `${gift.source}-${gift.termId}-${gift.milestoneId ?? ''}`;
          const choice = picked[key] ?? gift.options.find((o) => o.inStock)?.id;
          return (
            <View key={key} className='card' data-testid='claimable-gift'>
              <Text className='card__title'>
                {gift.source === 'WELCOME' ? '🎁 ' : '🏆 '}
                {gift.title}
              </Text>
              {gift.options.map((o) => (
                <View
                  key={o.id}
                  className={`gift-packs__option ${choice === o.id ? 'gift-packs__option--on' : ''} ${o.inStock ? '' : 'gift-packs__option--out'}`}
                  onClick={() => o.inStock && setPicked({ ...picked, [key]: o.id })}
                >
                  <Text className='gift-packs__name'>{o.name}</Text>
                  <Text className='gift-packs__value'>价值 {formatFen(o.valueFen)}</Text>
                  <Text className='muted'>{o.inStock ? '有货' : '已抢光'}</Text>
                </View>
              ))}
              <Button
                type='primary'
                block
                disabled={!choice}
                loading={claiming === key}
                onClick={() => choice && claim(gift, choice)}
              >
                立即领取
              </Button>
            </View>
          );
        })}
        {data && data.orders.length > 0 && <Text className='gift-packs__section'>已领取</Text>}
        {data?.orders.map((o) => (
          <OrderCard key={o.id} order={o} />
        ))}
      </PageState>
    </View>
  );
}
