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
import { go } from '../../services/navigation';
import './index.css';

export default function MembershipPage() {
  const { data, error, loading, reload } = useMembershipCentre();
  const consent = useConsent();
  const m = data?.membership;
  const active = m?.status === 'ACTIVE';

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
      <RenewalSlot membership={m} />
      {m && m.status !== 'NONE' && <AutoRenewPanel tier={data?.tiers.find((tier) => tier.id === m.tier?.id)} />}
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
        <Text className='membership__section'>{active ? '续费 / 升级' : '选择会员卡'}</Text>
        {data?.tiers.map((tier) => (
          <TierCard
            key={tier.id}
            tier={tier}
            action={!active ? 'join' : m?.tier?.id === tier.id ? 'renew' : 'switch'}
            onAction={() => go(Routes.join, { tierId: tier.id })}
          />
        ))}
      </PageState>
    </View>
  );
}
