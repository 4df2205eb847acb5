import { Text, View } from '@tarojs/components';
import { AutoRenewPanel } from '../../components/auto-renew-panel';
import { MemberSummary } from '../../components/member-summary';
import { PageState } from '../../components/page-state';
import { RenewalSlot } from '../../components/in-app-reminder';
import { ServiceContact } from '../../components/service-contact';
import { TierCard } from '../../components/tier-card';
import { useConsent } from '../../hooks/use-consent';
import { useMembershipCentre } from '../../hooks/use-membership-centre';
import { Routes } from '../../routes';
import Taro from '@tarojs/taro';
import { startTrial, codesErrorText } from '../../services/api/membership-codes';
import { isLoginRequired, toApiError } from '../../services/api-error';
import { go, goLogin } from '../../services/navigation';
import { inTrial } from '../../utils/format';
import './index.css';

export default function MembershipPage() {
  const { data, error, loading, reload } = useMembershipCentre();
  const consent = useConsent();
  const m = data?.membership;
  const active = m?.status === 'ACTIVE';
  // A paid membership bought during the trial starts now (the trial ends): joining, not renewing.
  const trial = inTrial(m);

  async function takeTrial(tierId: number) {
    try {
      await startTrial(tierId);
      await Taro.showToast({ title: '试用已开通', icon: 'success' });
      await reload();
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: codesErrorText(toApiError(error)), icon: 'none', duration: 2500 });
    }
  }

  const consentButton = (
    <View className='membership__consent' onClick={consent.ask}>
      {consent.state === 'accepted' ? '已订阅续费提醒' : '订阅续费提醒'}
    </View>
  );

  return (
    <View className='page membership'>
      {m && m.status !== 'NONE' && (
        <MemberSummary membership={m} gifts={data?.gifts ?? null} consentSlot={active ? consentButton : null} />
      )}
      {/* A trial is not renewed: paying starts the paid term now (README "Free trial"). */}
      {!trial && <RenewalSlot membership={m} />}
      {m && m.status !== 'NONE' && !trial && (
        <AutoRenewPanel tier={data?.tiers.find((tier) => tier.id === m.tier?.id)} />
      )}
      {active && <ServiceContact />}
      {!active && (
        <View className='membership__hero'>
          <Text className='membership__hero-title'>
            {m?.status === 'EXPIRED' ? '会员已过期，续费恢复权益' : '成为付费会员'}
          </Text>
          <Text className='membership__hero-desc'>开卡即送超值礼包 · 全年会员价 · 新品优先购</Text>
        </View>
      )}
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.tiers.length === 0}
        emptyText='暂无可开通的会员卡'
      >
        <Text className='membership__section'>{active && !trial ? '续费 / 升级' : '选择会员卡'}</Text>
        {data?.tiers.map((tier) => (
          <TierCard
            key={tier.id}
            tier={tier}
            action={!active || trial ? 'join' : m?.tier?.id === tier.id ? 'renew' : 'switch'}
            onAction={() => go(Routes.join, { tierId: tier.id })}
            onTrial={!active ? () => takeTrial(tier.id) : undefined}
          />
        ))}
        <View className='membership__links'>
          <View className='membership__link' data-testid='go-redeem' onClick={() => go(Routes.redeem)}>
            有兑换码？立即兑换
          </View>
          <View className='membership__link' data-testid='go-gift' onClick={() => go(Routes.giftMembership)}>
            送会员给好友
          </View>
        </View>
      </PageState>
    </View>
  );
}
