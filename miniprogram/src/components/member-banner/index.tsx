import { Text, View } from '@tarojs/components';
import { StarF } from '../icons';
import { formatFen, type MyMembershipView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { formatDate } from '../../utils/format';
import './index.css';

/** Home-page card: "your membership, N days left" for members, "join" for everyone else. */
export function MemberBanner({ membership }: { membership: MyMembershipView | null | undefined }) {
  const toCentre = () => go(Routes.membership);
  // Unknown (still loading, or the request failed): never tell a member to join.
  if (membership === undefined) return null;
  if (membership?.status === 'ACTIVE') {
    return (
      <View className='member-banner member-banner--active' onClick={toCentre} data-testid='member-banner'>
        <View className='member-banner__row'>
          <StarF className='member-banner__crown' color='#ffd99a' size={18} />
          <Text className='member-banner__title'>{membership.tier?.name ?? '尊享会员'}</Text>
          <Text className='member-banner__badge'>{membership.benefitsSuspended ? '退款处理中' : '会员中'}</Text>
        </View>
        {membership.benefitsSuspended && (
          <Text className='member-banner__desc'>会员费退款处理中，会员价、包邮、优惠券与礼包领取暂停</Text>
        )}
        <View className='member-banner__stats'>
          <View className='member-banner__stat'>
            <Text className='member-banner__value'>{membership.daysLeft || '今天'}</Text>
            <Text className='member-banner__label'>剩余天数</Text>
          </View>
          <View className='member-banner__stat'>
            <Text className='member-banner__value'>{formatFen(membership.savingsFen)}</Text>
            <Text className='member-banner__label'>已为您节省</Text>
          </View>
          <View className='member-banner__stat'>
            <Text className='member-banner__value member-banner__value--date'>{formatDate(membership.termEnd)}</Text>
            <Text className='member-banner__label'>有效期至</Text>
          </View>
        </View>
      </View>
    );
  }
  const expired = membership?.status === 'EXPIRED';
  return (
    <View className='member-banner member-banner--join' onClick={toCentre} data-testid='member-banner'>
      <View className='member-banner__join-text'>
        <Text className='member-banner__title'>{expired ? '会员已过期' : '开通付费会员'}</Text>
        <Text className='member-banner__desc'>
          {expired ? '续费即可恢复会员价与专属权益' : '全场会员价 · 迎新大礼包 · 新品优先购'}
        </Text>
      </View>
      <View className='member-banner__cta'>{expired ? '立即续费' : '立即开通'}</View>
    </View>
  );
}
