import type { AdminMemberRow, MembershipStatus, MembershipTierRef } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Button, Input, InputNumber, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { downloadMembers, getMember, searchMembers, type MemberQuery } from '../../api/members';
import { listActiveTiers, listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { DownloadButton } from '../../components/download-button';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { showError } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { MEMBERSHIP_STATUS } from '../../labels';
import { listCustomerTags } from '../../api/customers';
import { CustomerProfileDrawer } from '../customers/customer-profile-drawer';
import { MemberDetailDrawer, type SelectedMember } from './member-detail-drawer';

const STATUS_OPTIONS = (['ACTIVE', 'EXPIRED', 'REVOKED'] as const).map((value) => ({ value, label: MEMBERSHIP_STATUS[value].text }));
const EXPIRY_PRESETS = [7, 15, 30, 60, 90];

type Query = MemberQuery & { page: number; pageSize: number };

export default function MembersPage() {
  const { can } = useAuth();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const members = useAsync(() => searchMembers(query), [query]);
  const canCatalog = can('catalog.read');
  const tiers = useAsync(async () => (canCatalog ? listTiers() : listActiveTiers()), [canCatalog]);
  const [selected, setSelected] = useState<SelectedMember>();
  const [profileOf, setProfileOf] = useState<number>();
  const tags = useAsync(listCustomerTags, []);
  const filter = (change: Partial<MemberQuery>) => setQuery((prev) => ({ ...prev, ...change, page: 1 }));

  async function open(row: AdminMemberRow) {
    const spend = { spendFen: row.spendFen, savingsFen: row.savingsFen };
    setSelected({ ...row, ...spend });
    try {
      setSelected({ ...(await getMember(row.membershipId)), ...spend });
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdminMemberRow> = [
    {
      title: '昵称',
      dataIndex: 'nickname',
      render: (nickname: string, member) => (
        <Typography.Link onClick={() => setProfileOf(member.customerId)} data-testid="member-name">
          {nickname || '未填写昵称'}
        </Typography.Link>
      ),
    },
    { title: '手机号', dataIndex: 'phone', render: (phone?: string | null) => phone ?? '—' },
    { title: '会员卡', dataIndex: 'tier', render: (tier: MembershipTierRef) => tier.name },
    { title: '状态', dataIndex: 'status', render: (status: MembershipStatus) => <EnumTag map={MEMBERSHIP_STATUS} value={status} /> },
    { title: '到期时间', dataIndex: 'termEnd', render: formatTime },
    {
      title: '剩余',
      key: 'left',
      align: 'right',
      render: (_, member) => (member.status === 'ACTIVE' && member.termEnd ? `${member.daysLeft} 天` : '—'),
    },
    { title: '历史总消费', dataIndex: 'spendFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: '累计节省', dataIndex: 'savingsFen', align: 'right', render: (fen: number) => formatFen(fen) },
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

  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <>
      <PageHeader
        title="会员"
        extra={
          can('finance.export') || can('catalog.write') ? (
            <DownloadButton download={(onProgress) => downloadMembers(filters, onProgress)} fileName="members.csv">
              导出当前筛选
            </DownloadButton>
          ) : null
        }
      >
        按昵称、手机号、会员卡、标签、状态或到期时间查找会员；点昵称打开客户详情，查看订单、优惠券、会员记录并写备注、打标签。
      </PageHeader>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="昵称 / 手机号"
          style={{ width: 240 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          data-testid="member-search"
        />
        <Select
          allowClear
          placeholder="全部会员卡"
          style={{ width: 160 }}
          loading={tiers.loading}
          options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
          onChange={(tierId?: number) => filter({ tierId })}
          data-testid="member-tier-filter"
        />
        <Select
          allowClear
          placeholder="全部标签"
          style={{ width: 140 }}
          loading={tags.loading}
          options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
          onChange={(tagId?: number) => filter({ tagId })}
          data-testid="member-tag-filter"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 130 }}
          options={STATUS_OPTIONS}
          onChange={(status?: MemberQuery['status']) => filter({ status })}
        />
        <Space.Compact>
          <Select
            allowClear
            placeholder="到期时间不限"
            style={{ width: 150 }}
            value={
              query.expiresWithinDays !== undefined && EXPIRY_PRESETS.includes(query.expiresWithinDays)
                ? query.expiresWithinDays
                : undefined
            }
            options={EXPIRY_PRESETS.map((days) => ({ value: days, label: `${days} 天内到期` }))}
            onChange={(days?: number) => filter({ expiresWithinDays: days })}
            data-testid="member-expiry-filter"
          />
          <InputNumber<number>
            min={0}
            max={3660}
            precision={0}
            placeholder="自定义"
            addonAfter="天内"
            style={{ width: 150 }}
            value={query.expiresWithinDays ?? null}
            onChange={(days) => filter({ expiresWithinDays: days ?? undefined })}
          />
        </Space.Compact>
      </Space>
      <Table<AdminMemberRow>
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
      <CustomerProfileDrawer customerId={profileOf} onClose={() => setProfileOf(undefined)} onChanged={() => void tags.reload()} />
      <MemberDetailDrawer
        member={selected}
        onClose={() => setSelected(undefined)}
        onChanged={(updated) => {
          setSelected((prev) => (prev ? { ...updated, spendFen: prev.spendFen, savingsFen: prev.savingsFen } : prev));
          void members.reload();
        }}
      />
    </>
  );
}
