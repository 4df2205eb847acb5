import type { CustomerProfileView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Avatar, Descriptions, Space, Tooltip } from 'antd';
import { EnumTag } from '../../components/enum-tag';
import { formatDate, formatTime } from '../../format';
import { AUTO_RENEW_STATUS, MEMBERSHIP_STATUS } from '../../labels';
import { ProfileTags } from './profile-tags';

interface Props {
  profile: CustomerProfileView;
  onChanged(): void;
}

/** Who the customer is, where their membership stands, what they spent, and the staff tags on them. */
export function ProfileOverview({ profile, onChanged }: Props) {
  const { membership } = profile;
  const active = membership.status === 'ACTIVE';
  return (
    <Descriptions column={3} bordered size="small" data-testid="customer-overview">
      <Descriptions.Item label="客户" span={3}>
        <Space>
          <Avatar src={profile.avatarUrl ?? undefined}>{profile.nickname.slice(0, 1) || '客'}</Avatar>
          <span>{profile.nickname || '未填写昵称'}</span>
          <Tooltip title="微信身份标识只显示末 4 位">
            <span style={{ color: '#999' }}>微信标识 …{profile.openidTail}</span>
          </Tooltip>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="手机号">{profile.phoneMasked ?? '未留手机'}</Descriptions.Item>
      <Descriptions.Item label="注册时间">{formatDate(profile.registeredAt)}</Descriptions.Item>
      <Descriptions.Item label="会员状态">
        {profile.membershipId ? <EnumTag map={MEMBERSHIP_STATUS} value={membership.status} /> : '从未开通'}
      </Descriptions.Item>
      <Descriptions.Item label="会员卡">{membership.tier?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="到期时间">{formatTime(membership.termEnd)}</Descriptions.Item>
      <Descriptions.Item label="剩余天数">{active && membership.termEnd ? `${membership.daysLeft ?? 0} 天` : '—'}</Descriptions.Item>
      <Descriptions.Item label="历史总消费">
        <Tooltip title="全部已支付商品订单金额减去退款">{formatFen(profile.lifetimeSpendFen)}</Tooltip>
      </Descriptions.Item>
      <Descriptions.Item label="本轮会员期消费">
        <Tooltip title="当前连续会员期内的商品消费，用于消费里程碑">{formatFen(membership.spendFen)}</Tooltip>
      </Descriptions.Item>
      <Descriptions.Item label="累计节省">{formatFen(membership.savingsFen)}</Descriptions.Item>
      <Descriptions.Item label="自动续费">
        <EnumTag map={AUTO_RENEW_STATUS} value={profile.autoRenew.status} />
        {profile.autoRenew.nextChargeAt ? ` 下次扣款 ${formatDate(profile.autoRenew.nextChargeAt)}` : null}
      </Descriptions.Item>
      <Descriptions.Item label="下一个里程碑" span={2}>
        {membership.nextMilestone ? `${membership.nextMilestone.title}，还差 ${formatFen(membership.nextMilestone.remainingFen)}` : '—'}
      </Descriptions.Item>
      {membership.revokedReason ? (
        <Descriptions.Item label="撤销原因" span={3}>
          {membership.revokedReason}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label="客户标签" span={3}>
        <ProfileTags profile={profile} onChanged={onChanged} />
      </Descriptions.Item>
    </Descriptions>
  );
}
