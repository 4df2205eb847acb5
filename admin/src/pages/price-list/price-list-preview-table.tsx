import type { PriceListChange, PriceListPreviewRow } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';

const CHANGE: Record<PriceListChange, { text: string; color: string }> = {
  ADD: { text: '新增', color: 'green' },
  UPDATE: { text: '修改', color: 'blue' },
  REMOVE: { text: '改回默认折扣', color: 'orange' },
  UNCHANGED: { text: '不变', color: 'default' },
};

const price = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? <Typography.Text type="secondary">默认折扣</Typography.Text> : formatFen(fen);

/** Every row of the file: what it changes (old → new) or why it cannot be applied. */
export function PriceListPreviewTable({ rows }: { rows: PriceListPreviewRow[] }) {
  const columns: TableColumnsType<PriceListPreviewRow> = [
    { title: '行', dataIndex: 'line', width: 64, align: 'right' },
    { title: 'SKU 编码', dataIndex: 'skuCode', width: 140 },
    {
      title: '商品 / 规格',
      key: 'product',
      render: (_, row) =>
        row.productTitle ? `${row.productTitle} / ${row.skuName}` : <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: '会员卡', key: 'tier', width: 120, render: (_, row) => row.tierName ?? row.tierCode },
    {
      title: '原价',
      dataIndex: 'listPriceFen',
      width: 110,
      align: 'right',
      render: (fen?: number) => (fen === undefined ? '—' : formatFen(fen)),
    },
    {
      title: '会员价：当前 → 导入后',
      key: 'change',
      width: 260,
      render: (_, row) =>
        row.errors.length ? (
          <Typography.Text type="secondary">{price(row.oldPriceFen)}</Typography.Text>
        ) : (
          <span>
            {price(row.oldPriceFen)} → <strong>{price(row.newPriceFen)}</strong>
          </span>
        ),
    },
    {
      title: '结果',
      key: 'result',
      render: (_, row) =>
        row.errors.length ? (
          <Typography.Text type="danger">{row.errors.map((error) => error.message).join('；')}</Typography.Text>
        ) : row.change ? (
          <Tag color={CHANGE[row.change].color}>{CHANGE[row.change].text}</Tag>
        ) : null,
    },
  ];
  return (
    <Table<PriceListPreviewRow>
      rowKey="line"
      size="small"
      columns={columns}
      dataSource={rows}
      rowClassName={(row) => (row.errors.length ? 'row-invalid' : '')}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 行` }}
      data-testid="price-list-preview"
    />
  );
}
