import type { AdminMemberView, MembershipStatus, MembershipTierRef } from '@member-commerce/shared';
import { daysLeft } from '@member-commerce/shared';
import { Button, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { getMember, searchMembers, type MemberQuery } from '../../api/members';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { showError } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { MEMBERSHIP_STATUS } from '../../labels';
import { MemberDetailDrawer } from './member-detail-drawer';

const STATUS_OPTIONS = (['ACTIVE', 'EXPIRED', 'REVOKED'] as const).map((value) => ({ value, label: MEMBERSHIP_STATUS[value].text }));

export default function MembersPage() {
  const [query, setQuery] = useState<MemberQuery & { page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const members = useAsync(() => searchMembers(query), [query]);
  const [selected, setSelected] = useState<AdminMemberView>();

  async function open(member: AdminMemberView) {
    setSelected(member);
    try {
      setSelected(await getMember(member.membershipId));
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdminMemberView> = [
    { title: '昵称', dataIndex: 'nickname' },
    { title: '手机号', dataIndex: 'phone', render: (phone?: string | null) => phone ?? '—' },
    { title: '会员卡', dataIndex: 'tier', render: (tier: MembershipTierRef) => tier.name },
    { title: '状态', dataIndex: 'status', render: (status: MembershipStatus) => <EnumTag map={MEMBERSHIP_STATUS} value={status} /> },
    { title: '到期时间', dataIndex: 'termEnd', render: formatTime },
    {
      title: '剩余',
      key: 'left',
      align: 'right',
      render: (_, member) => (member.status === 'ACTIVE' && member.termEnd ? `${daysLeft(member.termEnd)} 天` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, member) => (
        <Button type="link" size="small" onClick={() => open(member)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="会员">按昵称或手机号查找会员，查看会员期，延期或撤销。</PageHeader>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="昵称 / 手机号"
          style={{ width: 280 }}
          onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }))}
          data-testid="member-search"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={STATUS_OPTIONS}
          onChange={(status?: MemberQuery['status']) => setQuery((prev) => ({ ...prev, status, page: 1 }))}
        />
      </Space>
      <Table<AdminMemberView>
        rowKey="membershipId"
        loading={members.loading}
        dataSource={members.data?.items}
        columns={columns}
        onRow={(member) => ({ onDoubleClick: () => open(member) })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: members.data?.total,
          showTotal: (total) => `共 ${total} 位`,
          onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
        }}
      />
      <MemberDetailDrawer
        member={selected}
        onClose={() => setSelected(undefined)}
        onChanged={(updated) => {
          setSelected(updated);
          void members.reload();
        }}
      />
    </>
  );
}
