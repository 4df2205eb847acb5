import type { AdminTierView, TierStatus } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listBenefits } from '../../api/benefits';
import { listGiftPacks } from '../../api/gift-packs';
import { listTiers, updateTier } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { formatDiscountBp, formatTerm } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { TIER_STATUS } from '../../labels';
import { TierFormDrawer } from './tier-form-drawer';

/** The only status moves the server allows: DRAFT → ACTIVE → ARCHIVED. */
const NEXT_STATUS: Partial<Record<TierStatus, { to: TierStatus; label: string; confirm: string }>> = {
  DRAFT: { to: 'ACTIVE', label: '上架', confirm: '上架后顾客即可购买此会员卡，确定上架？' },
  ACTIVE: { to: 'ARCHIVED', label: '归档', confirm: '归档后停止售卖，已购会员保留其有效期与权益。确定归档？' },
};

export default function TiersPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const tiers = useAsync(listTiers, []);
  const options = useAsync(() => Promise.all([listBenefits(), listGiftPacks()]), []);
  const [editing, setEditing] = useState<{ tier?: AdminTierView } | null>(null);

  async function move(tier: AdminTierView, to: TierStatus) {
    try {
      await updateTier(tier.id, { status: to });
      showSuccess(`${tier.name} 已${to === 'ACTIVE' ? '上架' : '归档'}`);
      await tiers.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdminTierView> = [
    { title: '排序', dataIndex: 'sortOrder', width: 64 },
    {
      title: '会员卡',
      key: 'name',
      width: 180,
      render: (_, tier) => (
        <>
          <div style={{ fontWeight: 500 }}>{tier.name}</div>
          <div style={{ color: '#999', fontSize: 12 }}>{tier.code}</div>
        </>
      ),
    },
    { title: '价格', dataIndex: 'priceFen', align: 'right', width: 120, render: (fen: number) => formatFen(fen) },
    {
      title: '自动续费',
      dataIndex: 'autoRenewPriceFen',
      align: 'right',
      width: 110,
      render: (fen: number | null) => (fen === null ? '—' : formatFen(fen)),
    },
    { title: '有效期', key: 'term', width: 90, render: (_, tier) => formatTerm(tier) },
    { title: '默认折扣', dataIndex: 'defaultDiscountBp', width: 150, render: (bp: number) => formatDiscountBp(bp) },
    {
      title: '权益',
      key: 'benefits',
      render: (_, tier) => (
        <Space size={[0, 4]} wrap>
          {tier.benefits.map((benefit) => (
            <Tag key={benefit.id}>{benefit.title}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '开卡礼包',
      key: 'giftPacks',
      render: (_, tier) =>
        tier.giftPacks.length ? `${tier.giftPacks.map((pack) => pack.name).join('、')}（选 ${tier.giftPackChoices}）` : '—',
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (status: TierStatus) => <EnumTag map={TIER_STATUS} value={status} /> },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, tier) => {
        const next = NEXT_STATUS[tier.status];
        return (
          <Space>
            <Button type="link" size="small" onClick={() => setEditing({ tier })}>
              编辑
            </Button>
            {next ? (
              <Popconfirm title={next.confirm} onConfirm={() => move(tier, next.to)} okText={next.label}>
                <Button type="link" size="small" danger={next.to === 'ARCHIVED'}>
                  {next.label}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    });
  }

  return (
    <>
      <PageHeader
        title="会员卡"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建会员卡
            </Button>
          ) : null
        }
      >
        新建的会员卡为草稿，上架后开售；归档后停售，已购会员不受影响。
      </PageHeader>
      <Table<AdminTierView> rowKey="id" loading={tiers.loading} dataSource={tiers.data} columns={columns} pagination={false} />
      <TierFormDrawer
        open={editing !== null}
        tier={editing?.tier}
        benefits={options.data?.[0] ?? []}
        giftPacks={options.data?.[1] ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void tiers.reload();
        }}
      />
    </>
  );
}
