import { Text, View } from '@tarojs/components';
import { Gift } from '../icons';
import { formatFen, type MyGiftPacksView, type MyMembershipView } from '@member-commerce/shared';
import { Routes } from '../../routes';
import { go } from '../../services/navigation';
import { daysLeftLabel, formatDate, inTrial } from '../../utils/format';
import { Progress } from '../nut';
import './index.css';

interface Props {
  membership: MyMembershipView;
  gifts: MyGiftPacksView | null;
  consentSlot?: React.ReactNode;
}

/** The member's own view of "what I got": term, days left, savings, milestone progress, gifts to claim. */
export function MemberSummary({ membership: m, gifts, consentSlot }: Props) {
  const next = m.nextMilestone;
  const percent = next
    ? Math.min(100, Math.floor(((next.thresholdFen - next.remainingFen) / next.thresholdFen) * 100))
    : 100;
  const claimable = gifts?.claimable.length ?? 0;
  return (
    <View className='member-summary' data-testid='member-summary'>
      <View className='member-summary__head'>
        <Text className='member-summary__tier'>{m.tier?.name}</Text>
        <Text className='member-summary__status' data-testid='member-status'>
          {m.status !== 'ACTIVE' ? '已失效' : inTrial(m) ? '免费试用中' : m.benefitsSuspended ? '退款处理中' : '生效中'}
        </Text>
      </View>
      {m.benefitsSuspended && (
        <Text className='member-summary__label'>
          会员费退款处理中：会员价、包邮、优惠券与礼包领取暂停，退款未成功将自动恢复
        </Text>
      )}
      <View className='member-summary__grid'>
        <View className='member-summary__cell member-summary__cell--wide'>
          <Text className='member-summary__value' data-testid='term-end'>
            {formatDate(m.termEnd)}
          </Text>
          <Text className='member-summary__label'>有效期至</Text>
        </View>
        <View className='member-summary__cell'>
          <Text className='member-summary__value' data-testid='days-left'>
            {daysLeftLabel(m.daysLeft)}
          </Text>
          <Text className='member-summary__label'>剩余</Text>
        </View>
        <View className='member-summary__cell'>
          <Text className='member-summary__value'>{formatFen(m.savingsFen)}</Text>
          <Text className='member-summary__label'>累计节省</Text>
        </View>
      </View>
      {inTrial(m) ? (
        <View className='member-summary__progress'>
          <Text className='member-summary__trial-note' data-testid='trial-note'>
            试用期享会员价与包邮；消费不计入里程碑，开通付费会员后开始累计
          </Text>
        </View>
      ) : (
        <View className='member-summary__progress'>
          <View className='member-summary__progress-head'>
            <Text>本期消费 {formatFen(m.spendFen)}</Text>
            {next ? (
              <Text>
                再消费 {formatFen(next.remainingFen)} 解锁「{next.title}」
              </Text>
            ) : (
              <Text>已解锁全部里程碑</Text>
            )}
          </View>
          <Progress
            percent={percent}
            strokeWidth='8'
            color='linear-gradient(90deg, #f7d9a0, #e2b467)'
            background='rgba(255,255,255,0.15)'
          />
        </View>
      )}
      <View className='member-summary__actions'>
        <View className='member-summary__link' onClick={() => go(Routes.giftPacks)}>
          <Gift size={14} color='#ffd99a' /> 我的礼包
          {claimable > 0 ? <Text className='member-summary__dot'>{claimable} 份待领取</Text> : null}
        </View>
        {consentSlot}
      </View>
    </View>
  );
}
