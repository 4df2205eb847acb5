import type { GiftPackItemView, GiftPackView, LifecycleStatus } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listGiftPacks, updateGiftPack } from '../../api/gift-packs';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { LifecycleActions } from '../../components/lifecycle-actions';
import { showError, showSuccess } from '../../feedback';
import { LIFECYCLE_STATUS } from '../../labels';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { GiftPackFormDrawer } from './gift-pack-form-drawer';

export default function GiftPacksPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const packs = useAsync(listGiftPacks, []);
  const [editing, setEditing] = useState<{ pack?: GiftPackView } | null>(null);

  async function move(pack: GiftPackView, status: LifecycleStatus) {
    try {
      await updateGiftPack(pack.id, { status });
      showSuccess(status === 'ARCHIVED' ? '礼包已归档：新会员不可再选，归档前开卡的会员仍可领取' : '礼包已启用');
      await packs.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<GiftPackView> = [
    { title: '名称', dataIndex: 'name', width: 180 },
    { title: '申报价值', dataIndex: 'valueFen', align: 'right', render: (fen: number) => formatFen(fen) },
    {
      title: '内容价值',
      dataIndex: 'contentsValueFen',
      align: 'right',
      render: (fen: number, pack) =>
        fen === pack.valueFen ? (
          formatFen(fen)
        ) : (
          <Tooltip title={pack.valueFen > fen ? '申报价值高于内容价值（商品原价 × 数量）：会员看到的价值不实' : '申报价值低于内容价值'}>
            <Typography.Text type={pack.valueFen > fen ? 'danger' : 'warning'} data-testid="pack-value-mismatch">
              <WarningOutlined /> {formatFen(fen)}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '内容',
      dataIndex: 'items',
      render: (items: GiftPackItemView[]) =>
        items.map((item) => `${item.productTitle} ${item.skuName} ×${item.quantity}`).join('；') || '—',
    },
    {
      title: '库存',
      dataIndex: 'stock',
      align: 'right',
      render: (stock: number) => (stock > 0 ? stock : <Badge status="error" text="缺货" />),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: LifecycleStatus) => <EnumTag map={LIFECYCLE_STATUS} value={status} />,
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, pack) => (
        <LifecycleActions status={pack.status} noun="礼包" onEdit={() => setEditing({ pack })} onStatus={(to) => move(pack, to)} />
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="礼包"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建礼包
            </Button>
          ) : null
        }
      >
        礼包用作会员卡的开卡礼或消费里程碑奖励，按库存发放；领取时同时占用礼包内商品的库存。礼包不可删除：归档后新会员不可再选，归档前开卡的会员仍可领取。
      </PageHeader>
      <Table<GiftPackView> rowKey="id" loading={packs.loading} dataSource={packs.data} columns={columns} pagination={false} />
      <GiftPackFormDrawer
        open={editing !== null}
        pack={editing?.pack}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void packs.reload();
        }}
      />
    </>
  );
}
