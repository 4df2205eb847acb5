import type { AdminProductView, AdminSkuView, AdminTierView, MemberPriceInput } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { MemberPricesModal } from './member-prices-modal';
import { SkuFormModal } from './sku-form-modal';

interface Props {
  product: AdminProductView;
  tiers: AdminTierView[];
  editable: boolean;
  onChanged(): void;
}

/** An existing product's SKUs: edit each, set its member prices, add more. */
export function SkuList({ product, tiers, editable, onChanged }: Props) {
  const [editing, setEditing] = useState<{ sku?: AdminSkuView } | null>(null);
  const [pricing, setPricing] = useState<AdminSkuView>();
  const tierName = (tierId: number) => tiers.find((tier) => tier.id === tierId)?.name ?? `#${tierId}`;

  return (
    <>
      <Table<AdminSkuView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={product.skus}
        columns={[
          { title: '编码', dataIndex: 'code' },
          { title: '规格', dataIndex: 'name' },
          { title: '原价', dataIndex: 'listPriceFen', align: 'right', render: (fen: number) => formatFen(fen) },
          { title: '库存', dataIndex: 'stock', align: 'right' },
          {
            title: '会员价',
            dataIndex: 'memberPrices',
            render: (prices: MemberPriceInput[]) =>
              prices.length ? (
                <Space size={[0, 4]} wrap>
                  {prices.map((price) => (
                    <Tag key={price.tierId} color="red">
                      {tierName(price.tierId)} {formatFen(price.priceFen)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <span style={{ color: '#999' }}>默认折扣</span>
              ),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, sku: AdminSkuView) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing({ sku })}>
                        编辑
                      </Button>
                      <Button type="link" size="small" onClick={() => setPricing(sku)}>
                        会员价
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Button type="dashed" block icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setEditing({})}>
          添加 SKU
        </Button>
      ) : null}
      <SkuFormModal
        productId={product.id}
        sku={editing?.sku}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
      <MemberPricesModal
        sku={pricing}
        tiers={tiers}
        onClose={() => setPricing(undefined)}
        onSaved={() => {
          setPricing(undefined);
          onChanged();
        }}
      />
    </>
  );
}
