import type { AdminMemberView, MembershipTermView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Button, Descriptions, Drawer, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { formatTime } from '../../format';
import { MEMBERSHIP_STATUS, TERM_SOURCE } from '../../labels';
import { ExtendMemberModal } from './extend-member-modal';
import { RevokeMemberModal } from './revoke-member-modal';

/** A member as opened from the list: the detail plus the list's spend figures. */
export type SelectedMember = AdminMemberView & { spendFen: number; savingsFen: number };

interface Props {
  member?: SelectedMember;
  onClose(): void;
  onChanged(member: AdminMemberView): void;
}

export function MemberDetailDrawer({ member, onClose, onChanged }: Props) {
  const { can } = useAuth();
  const [extending, setExtending] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const revoked = member?.status === 'REVOKED';

  return (
    <Drawer
      title={member ? `会员详情：${member.nickname}` : ''}
      width={720}
      open={Boolean(member)}
      onClose={onClose}
      extra={
        member && !revoked ? (
          <Space>
            {can('members.extend') ? (
              <Button type="primary" onClick={() => setExtending(true)}>
                延期
              </Button>
            ) : null}
            {can('members.revoke') ? (
              <Button danger onClick={() => setRevoking(true)}>
                撤销会员
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {member ? (
        <>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="昵称">{member.nickname}</Descriptions.Item>
            <Descriptions.Item label="手机号">{member.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="会员卡">{member.tier.name}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <EnumTag map={MEMBERSHIP_STATUS} value={member.status} />
            </Descriptions.Item>
            <Descriptions.Item label="到期时间">{formatTime(member.termEnd)}</Descriptions.Item>
            <Descriptions.Item label="剩余天数">{member.termEnd ? `${member.daysLeft} 天` : '—'}</Descriptions.Item>
            <Descriptions.Item label="历史总消费">{formatFen(member.spendFen)}</Descriptions.Item>
            <Descriptions.Item label="累计节省">{formatFen(member.savingsFen)}</Descriptions.Item>
            {member.revokedReason ? (
              <Descriptions.Item label="撤销原因" span={2}>
                {member.revokedReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h4 style={{ margin: '24px 0 8px' }}>会员期</h4>
          <Table<MembershipTermView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={member.terms}
            columns={[
              { title: '会员卡', key: 'tier', render: (_, term) => term.tier.name },
              { title: '开始', dataIndex: 'start', render: formatTime },
              { title: '结束', dataIndex: 'end', render: formatTime },
              {
                title: '来源',
                dataIndex: 'source',
                render: (source: MembershipTermView['source']) => <Tag>{TERM_SOURCE[source] ?? source}</Tag>,
              },
              { title: '订单号', dataIndex: 'outTradeNo', render: (no?: string | null) => no ?? '—' },
            ]}
          />
        </>
      ) : null}
      <ExtendMemberModal
        member={extending ? member : undefined}
        onClose={() => setExtending(false)}
        onDone={(updated) => {
          setExtending(false);
          onChanged(updated);
        }}
      />
      <RevokeMemberModal
        member={revoking ? member : undefined}
        onClose={() => setRevoking(false)}
        onDone={(updated) => {
          setRevoking(false);
          onChanged(updated);
        }}
      />
    </Drawer>
  );
}
