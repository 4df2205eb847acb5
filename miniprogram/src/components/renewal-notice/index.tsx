import { Text, View } from '@tarojs/components';
import { RENEWAL_NOTICE_DAYS, type MyMembershipView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { formatDate } from '../../utils/format';
import './index.css';

/** True when the in-app renewal notice applies: an active term that ends within 30 days. */
function needsRenewalNotice(m: MyMembershipView | null | undefined): boolean {
  return m?.status === 'ACTIVE' && typeof m.daysLeft === 'number' && m.daysLeft <= RENEWAL_NOTICE_DAYS;
}

/** The in-app renewal reminder slot (home and membership pages). Renders nothing when not due. */
export function RenewalNotice({ membership }: { membership: MyMembershipView | null | undefined }) {
  if (!membership || !needsRenewalNotice(membership)) return null;
  const days = membership.daysLeft ?? 0;
  return (
    <View className='renewal-notice' data-testid='renewal-notice'>
      <View className='renewal-notice__body'>
        <Text className='renewal-notice__title'>{days <= 1 ? '会员今天到期' : `会员还剩 ${days} 天到期`}</Text>
        <Text className='renewal-notice__desc'>{formatDate(membership.termEnd)} 到期，提前续费天数顺延不浪费</Text>
      </View>
      <View
        className='renewal-notice__button'
        onClick={() => go(Routes.join, { tierId: membership.tier?.id, renew: 1 })}
      >
        立即续费
      </View>
    </View>
  );
}
