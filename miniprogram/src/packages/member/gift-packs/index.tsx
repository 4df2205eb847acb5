import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Gift, Star } from '../../../components/icons';
import { formatFen, type MilestoneGiftView, type MyGiftPacksView } from '@member-commerce/shared';
import { Button, Progress } from '../../../components/nut';
import { OrderCard } from '../../../components/order-card';
import { PageState } from '../../../components/page-state';
import { GiftPackOption } from '../../../components/gift-pack-option';
import { useGiftChoice } from '../../../hooks/use-gift-choice';
import { useGiftPacks } from '../../../hooks/use-gift-packs';
import { PrivacyPopup } from '../../../components/privacy-popup';
import { GiftChoiceFlow } from './gift-choice-flow';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import './index.css';

const milestoneStatus: Record<MilestoneGiftView['status'], string> = {
  LOCKED: '未解锁',
  REACHED: '已达成',
  CLAIMABLE: '可领取',
  CLAIMED: '已领取',
};

/** 我的礼包: the truth about every gift — what is claimed, what can be claimed now, what is still to unlock. */
export default function GiftPacksPage() {
  const { data, error, loading, reload } = useGiftPacks();
  const flow = useGiftChoice(reload);
  const [picked, setPicked] = useState<Record<string, number>>({});

  if (flow.choice) {
    return (
      <View className='page gift-packs'>
        <GiftChoiceFlow flow={flow} />
        <PrivacyPopup />
      </View>
    );
  }

  return (
    <View className='page gift-packs'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        {data && !data.member && (
          <View className='card gift-packs__join' data-testid='gift-join-upsell'>
            <Text className='card__title'>开通会员，领取开卡礼</Text>
            <Text className='muted'>开卡即可从多款礼包中任选其一；会员期内累计消费还能解锁下方的里程碑礼包。</Text>
            <Button type='primary' block onClick={() => go(Routes.join)}>
              开通会员
            </Button>
          </View>
        )}
        {data && data.claimable.length > 0 && <Text className='gift-packs__section'>待领取</Text>}
        {data?.claimable.map((gift) => {
          const key = `${gift.source}-${gift.termId}-${gift.milestoneId ?? ''}`;
          const choice = picked[key] ?? gift.options.find((o) => o.inStock)?.id;
          return (
            <View key={key} className='card' data-testid='claimable-gift'>
              <View className='gift-packs__title'>
                {gift.source === 'WELCOME' ? <Gift color='#b8893e' /> : <Star color='#b8893e' />}
                <Text className='card__title gift-packs__title-text'>{gift.title}</Text>
              </View>
              {gift.options.length > 1 && <Text className='muted'>以下礼包任选其一</Text>}
              {gift.options.map((o) => (
                <GiftPackOption
                  key={o.id}
                  pack={o}
                  selected={choice === o.id}
                  onSelect={() => setPicked({ ...picked, [key]: o.id })}
                />
              ))}
              <Button
                type='primary'
                block
                disabled={!choice}
                onClick={() => {
                  const pack = gift.options.find((o) => o.id === choice);
                  if (pack) void flow.start(gift, pack);
                }}
                data-testid='gift-choose'
              >
                选好了，填写收货地址
              </Button>
            </View>
          );
        })}
        {data?.member && data.welcome && data.welcome.status !== 'NONE' && <WelcomeCard welcome={data.welcome} />}
        {data && data.milestones.length > 0 && <Milestones view={data} />}
        {data && data.orders.length > 0 && <Text className='gift-packs__section'>礼包订单</Text>}
        {data?.orders.map((o) => (
          <OrderCard key={o.id} order={o} />
        ))}
      </PageState>
    </View>
  );
}

function WelcomeCard({ welcome }: { welcome: NonNullable<MyGiftPacksView['welcome']> }) {
  return (
    <View className='card' data-testid='welcome-gift' data-status={welcome.status}>
      <View className='gift-packs__title'>
        <Gift color='#b8893e' />
        <Text className='card__title gift-packs__title-text'>{welcome.title}</Text>
        <Text className={`gift-packs__tag gift-packs__tag--${welcome.status}`}>
          {welcome.status === 'CLAIMED' ? '已领取' : '待领取'}
        </Text>
      </View>
      {welcome.status === 'CLAIMED' && (
        <View
          className='row row--between'
          onClick={() => welcome.orderId && go(Routes.orderDetail, { id: welcome.orderId })}
        >
          <Text className='gift-packs__welcome-pack'>
            {welcome.giftPack?.name ?? '开卡礼包'}
            {welcome.giftPack ? ` · 价值 ${formatFen(welcome.giftPack.valueFen)}` : ''}
          </Text>
          <Text className='muted'>查看订单 ›</Text>
        </View>
      )}
      {welcome.status === 'CLAIMABLE' && <Text className='muted'>请在上方选择礼包并领取</Text>}
    </View>
  );
}

function Milestones({ view }: { view: MyGiftPacksView }) {
  return (
    <>
      <Text className='gift-packs__section'>消费里程碑</Text>
      <View className='card'>
        {view.member ? (
          <Text className='muted'>本会员期累计消费 {formatFen(view.spendFen)}（续费不中断时连续累计）</Text>
        ) : (
          <Text className='muted'>开通会员后，会员期内累计消费达到门槛即可领取</Text>
        )}
        {view.milestones.map((m) => (
          <View key={m.milestoneId} className='gift-packs__milestone' data-testid='milestone' data-status={m.status}>
            <View className='row row--between'>
              <Text className='gift-packs__milestone-title'>{m.title}</Text>
              <Text className={`gift-packs__tag gift-packs__tag--${m.status}`}>{milestoneStatus[m.status]}</Text>
            </View>
            {m.giftPack && (
              <Text className='muted'>
                {m.giftPack.name} · 价值 {formatFen(m.giftPack.valueFen)}
              </Text>
            )}
            {m.status === 'LOCKED' && view.member && (
              <>
                <Progress
                  percent={Math.min(100, Math.floor((view.spendFen / m.thresholdFen) * 100))}
                  strokeWidth='6'
                  color='linear-gradient(90deg, #f7d9a0, #e2b467)'
                />
                <Text className='muted'>还差 {formatFen(m.remainingFen)}</Text>
              </>
            )}
            {m.status === 'CLAIMABLE' && <Text className='gift-packs__hint'>已达成，请在上方领取</Text>}
            {m.status === 'CLAIMED' && m.orderId && (
              <Text className='gift-packs__link' onClick={() => go(Routes.orderDetail, { id: m.orderId! })}>
                查看礼包订单 ›
              </Text>
            )}
          </View>
        ))}
      </View>
    </>
  );
}
