import type { GiftPackItemView, GiftPackView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listGiftPacks } from '../../api/gift-packs';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { GiftPackFormDrawer } from './gift-pack-form-drawer';

export default function GiftPacksPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const packs = useAsync(listGiftPacks, []);
  const [editing, setEditing] = useState<{ pack?: GiftPackView } | null>(null);

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
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, pack) => (
        <Button type="link" size="small" onClick={() => setEditing({ pack })}>
          编辑
        </Button>
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
        礼包用作会员卡的开卡礼或消费里程碑奖励，按库存发放。
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
