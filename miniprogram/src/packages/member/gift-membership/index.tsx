import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button as TaroButton, Text, View } from '@tarojs/components';
import type { GiftMembershipView, TierView } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { Price } from '../../../components/price';
import { useAsync } from '../../../hooks/use-async';
import { Routes } from '../../../routes';
import { listTiers } from '../../../services/api/catalog';
import { buyGiftMembership, listMyGiftMemberships, codesErrorText } from '../../../services/api/membership-codes';
import { isLoginRequired, toApiError } from '../../../services/api-error';
import { goLogin, urlOf } from '../../../services/navigation';
import { payOrder } from '../../../services/payment';
import { formatDate, termLabel } from '../../../utils/format';
import './index.css';

const STATUS: Record<string, string> = { ACTIVE: '待好友兑换', REDEEMED: '好友已兑换', VOID: '已失效' };

/** Buy a membership for a friend, then share its code through the mini-program share card; see if it was redeemed. */
export default function GiftMembershipPage() {
  const state = useAsync(
    async () => {
      const [tiers, gifts] = await Promise.all([listTiers(), listMyGiftMemberships()]);
      return { tiers: [...tiers].sort((a, b) => a.sortOrder - b.sortOrder), gifts };
    },
    [],
    { onShow: true },
  );
  const [buying, setBuying] = useState<number | null>(null);

  // The share button carries the gift in its data: the card opens the redeem page with the code filled in.
  useShareAppMessage((res) => {
    const gift = (res.target as { dataset?: { gift?: GiftMembershipView } } | undefined)?.dataset?.gift;
    if (!gift?.code) return { title: '送你一张会员卡', path: Routes.membership };
    return { title: `送你一张${gift.tier.name}，点开即可兑换`, path: urlOf(Routes.redeem, { code: gift.code }) };
  });

  async function buy(tier: TierView) {
    setBuying(tier.id);
    try {
      const { order, payment } = await buyGiftMembership(tier.id);
      await payOrder(order, payment, 'product');
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: codesErrorText(toApiError(error)), icon: 'none', duration: 2500 });
    } finally {
      setBuying(null);
    }
  }

  const copy = (code: string) => Taro.setClipboardData({ data: code });

  return (
    <View className='page gift-membership'>
      <PageState loading={state.loading} error={state.error} hasData={Boolean(state.data)} onRetry={state.reload}>
        <Text className='gift-membership__section'>我送出的会员卡</Text>
        {state.data?.gifts.length === 0 && <Text className='muted gift-membership__empty'>还没有送出过会员卡</Text>}
        {state.data?.gifts.map((gift) => (
          <View key={gift.orderId} className='card gift-membership__gift' data-testid='my-gift'>
            <View className='row row--between'>
              <Text className='card__title'>{gift.tier.name}</Text>
              <Text className='gift-membership__status'>{gift.codeStatus ? STATUS[gift.codeStatus] : '待支付'}</Text>
            </View>
            {gift.code && (
              <>
                <Text className='gift-membership__code' data-testid='gift-code'>
                  {gift.code}
                </Text>
                <Text className='muted'>
                  {gift.redeemedAt
                    ? `已于 ${formatDate(gift.redeemedAt)} 兑换`
                    : `请在 ${formatDate(gift.validUntil)} 前兑换；未兑换可申请退款`}
                </Text>
                {gift.codeStatus === 'ACTIVE' && (
                  <View className='row gap gift-membership__actions'>
                    <TaroButton className='gift-membership__share' openType='share' data-gift={gift}>
                      分享给好友
                    </TaroButton>
                    <Button size='small' fill='outline' type='primary' onClick={() => copy(gift.code!)}>
                      复制兑换码
                    </Button>
                  </View>
                )}
              </>
            )}
          </View>
        ))}
        <Text className='gift-membership__section'>选择要送的会员卡</Text>
        {state.data?.tiers.map((tier) => (
          <View key={tier.id} className='card gift-membership__tier'>
            <View>
              <Text className='card__title'>{tier.name}</Text>
              <View className='row gap'>
                <Price fen={tier.priceFen} tone='gold' />
                <Text className='muted'>/ {termLabel(tier)}</Text>
              </View>
            </View>
            <Button
              type='primary'
              size='small'
              loading={buying === tier.id}
              onClick={() => buy(tier)}
              data-testid='buy-gift'
            >
              购买赠送
            </Button>
          </View>
        ))}
      </PageState>
    </View>
  );
}
