import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { AutoRenewPanel } from '../../../components/auto-renew-panel';
import { GiftPackOption } from '../../../components/gift-pack-option';
import { TierComparison } from './tier-comparison';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { Price } from '../../../components/price';
import { useJoin } from '../../../hooks/use-join';
import { isActiveMember } from '../../../hooks/use-membership';
import { Routes } from '../../../routes';
import { go } from '../../../services/navigation';
import { formatDate, termLabel } from '../../../utils/format';
import { AgreementSheet } from '../../../components/agreement-sheet';
import { PrivacyPopup } from '../../../components/privacy-popup';
import { verifyPhone } from '../../../services/api/legal';
import { toApiError } from '../../../services/api-error';
import './index.css';

export default function JoinPage() {
  const { params } = useRouter();
  const { data, error, loading, reload, pay, submitting } = useJoin(params.tierId);
  const tier = data?.tier;
  const m = data?.membership;
  const renewing = isActiveMember(m) && m?.tier?.id === tier?.id;
  const [readingAgreement, setReadingAgreement] = useState(false);
  const [phoneGiven, setPhoneGiven] = useState(false);
  const onPhone = async (event: { detail: { code?: string } }) => {
    if (!event.detail.code) return; // declined: buying goes on without it
    try {
      await verifyPhone(event.detail.code);
      setPhoneGiven(true);
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  };

  return (
    <View className='page page--with-bar join'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        {data && !tier && (
          <View className='card join__gone'>
            <Text>该会员卡已停售，请选择其他会员卡</Text>
            <Button type='primary' size='small' onClick={() => go(Routes.membership)}>
              查看会员卡
            </Button>
          </View>
        )}
        {tier && (
          <>
            <View className='join__steps'>
              <Text className='join__step join__step--on'>① 确认订单</Text>
              <Text className='join__step'>② 支付</Text>
              <Text className='join__step'>③ 领取开卡礼</Text>
            </View>
            <View className='join__tier'>
              <Text className='join__tier-name'>{tier.name}</Text>
              <View className='row gap'>
                <Price fen={tier.priceFen} size='large' tone='gold' />
                <Text className='join__tier-term'>/ {termLabel(tier)}</Text>
              </View>
              {isActiveMember(m) && (
                <Text className='join__tier-note'>
                  {renewing
                    ? `当前有效期至 ${formatDate(m?.termEnd)}，续费后顺延 ${termLabel(tier)}，剩余天数不浪费`
                    : `当前为${m?.tier?.name}，开通后新卡立即生效，原卡剩余天数顺延保留`}
                </Text>
              )}
            </View>
            {tier.giftPacks.length > 0 && (
              <View className='card' data-testid='join-gift-preview'>
                <Text className='card__title'>开卡礼包 · 开通后任选 {tier.giftPackChoices || 1} 款</Text>
                <Text className='muted join__gift-note'>
                  支付成功后在「我的礼包」选择礼包、填写收货地址，确认后寄出。
                </Text>
                {tier.giftPacks.map((g) => (
                  <GiftPackOption key={g.id} pack={g} />
                ))}
              </View>
            )}
            {data.tiers.length > 1 && <TierComparison tiers={data.tiers} current={tier.id} />}
            <View className='card join__confirm'>
              <Text className='card__title'>确认订单</Text>
              <View className='row row--between'>
                <Text className='muted'>会员卡</Text>
                <Text>
                  {tier.name}（{termLabel(tier)}）
                </Text>
              </View>
              {tier.giftPacks.length > 0 && (
                <View className='row row--between'>
                  <Text className='muted'>开卡礼包</Text>
                  <Text>支付后任选 {tier.giftPackChoices || 1} 款</Text>
                </View>
              )}
              <View className='row row--between'>
                <Text className='muted'>应付金额</Text>
                <Price fen={tier.priceFen} />
              </View>
              <Text className='join__terms'>
                支付即表示同意
                <Text
                  className='join__terms-link'
                  onClick={() => setReadingAgreement(true)}
                  data-testid='agreement-link'
                >
                  《{data.agreement.title}》
                </Text>
                （第 {data.agreement.version} 版）。会员权益以支付时的会员卡规则为准。
              </Text>
            </View>
            {tier.autoRenewPriceFen !== null && <AutoRenewPanel tier={tier} />}
            {data.askPhone && !phoneGiven && (
              <View className='card join__phone' data-testid='join-phone'>
                <Text className='card__title'>留个手机号（可跳过）</Text>
                <Text className='muted'>
                  会员到期前我们会电话提醒续费，专属客服也能及时联系你；不留也可以正常开通。
                </Text>
                <NativeButton className='join__phone-button' openType='getPhoneNumber' onGetPhoneNumber={onPhone}>
                  用微信绑定的手机号
                </NativeButton>
              </View>
            )}
          </>
        )}
      </PageState>
      {readingAgreement && data && (
        <AgreementSheet document={data.agreement} onClose={() => setReadingAgreement(false)} />
      )}
      <PrivacyPopup />
      {tier && (
        <View className='action-bar'>
          <View className='action-bar__summary'>
            <Price fen={tier.priceFen} size='large' />
            <Text className='muted'>
              {renewing ? '续费' : '开通'} {tier.name}
            </Text>
          </View>
          <Button type='primary' loading={submitting} disabled={submitting} onClick={pay} data-testid='join-pay'>
            确认支付
          </Button>
        </View>
      )}
    </View>
  );
}
