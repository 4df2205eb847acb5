import { Text, View } from '@tarojs/components';
import type { MyMembershipView } from '@member-commerce/shared';
import { useInAppReminder } from '../../hooks/use-in-app-reminder';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { RenewalNotice } from '../renewal-notice';
import './index.css';

/**
 * The renewal slot of the home and membership pages: an unseen in-app reminder (sent instead of a WeChat
 * message) when there is one, otherwise the usual "ends in N days" notice.
 */
export function RenewalSlot({ membership }: { membership: MyMembershipView | null | undefined }) {
  const { reminder, dismiss } = useInAppReminder(membership);
  if (!reminder) return <RenewalNotice membership={membership} />;
  return (
    <View className='in-app-reminder' data-testid='in-app-reminder'>
      <View className='in-app-reminder__head'>
        <Text className='in-app-reminder__title'>续费提醒</Text>
        <Text className='in-app-reminder__close' onClick={dismiss}>
          ×
        </Text>
      </View>
      <Text className='in-app-reminder__message'>{reminder.message}</Text>
      <View className='in-app-reminder__actions'>
        <Text className='muted'>订阅续费提醒后，到期前会通过微信服务通知提醒你</Text>
        <View
          className='in-app-reminder__button'
          onClick={() => go(Routes.join, { tierId: membership?.tier?.id, renew: 1 })}
        >
          立即续费
        </View>
      </View>
    </View>
  );
}
