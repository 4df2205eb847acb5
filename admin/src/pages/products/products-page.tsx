import type { AdminProductView, AdminSkuView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { searchProducts } from '../../api/products';
import { listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { ProductFormDrawer } from './product-form-drawer';

function priceRange(skus: AdminSkuView[]): string {
  if (!skus.length) return '—';
  const prices = skus.map((sku) => sku.listPriceFen);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max ? formatFen(min) : `${formatFen(min)} – ${formatFen(max)}`;
}

export default function ProductsPage() {
  const { can } = useAuth();
  const editable = can('catalog.write');
  const [query, setQuery] = useState({ q: '', category: '', page: 1, pageSize: 20 });
  const products = useAsync(() => searchProducts(query), [query]);
  const tiers = useAsync(listTiers, []);
  const [editing, setEditing] = useState<{ productId?: number } | null>(null);
  const [categories, setCategories] = useState<string[]>([]);

  // Categories known from the pages seen so far (there is no admin category endpoint).
  useEffect(() => {
    const found = products.data?.items.map((product) => product.category) ?? [];
    setCategories((prev) => {
      const all = new Set([...prev, ...found]);
      return all.size === prev.length ? prev : [...all].sort();
    });
  }, [products.data]);

  const columns: TableColumnsType<AdminProductView> = [
    {
      title: '商品',
      key: 'title',
      render: (_, product) => (
        <>
          <div style={{ fontWeight: 500 }}>{product.title}</div>
          {product.subtitle ? <div style={{ color: '#999', fontSize: 12 }}>{product.subtitle}</div> : null}
        </>
      ),
    },
    { title: '分类', dataIndex: 'category', width: 120 },
    { title: '原价', key: 'price', align: 'right', render: (_, product) => priceRange(product.skus) },
    { title: 'SKU 数', key: 'skus', align: 'right', width: 80, render: (_, product) => product.skus.length },
    {
      title: '总库存',
      key: 'stock',
      align: 'right',
      width: 90,
      render: (_, product) => product.skus.reduce((sum, sku) => sum + sku.stock, 0),
    },
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, product) => (
        <Space size={4} wrap>
          {product.onSale ? <Badge status="success" text="在售" /> : <Badge status="default" text="下架" />}
          {product.publicFrom && new Date(product.publicFrom) > new Date() ? (
            <Tag color="purple">会员优先至 {formatTime(product.publicFrom)}</Tag>
          ) : null}
        </Space>
      ),
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, product) => (
        <Button type="link" size="small" onClick={() => setEditing({ productId: product.id })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="商品"
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              新建商品
            </Button>
          ) : null
        }
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="搜索商品名称"
          style={{ width: 280 }}
          onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim(), page: 1 }))}
          data-testid="product-search"
        />
        <Select
          allowClear
          placeholder="全部分类"
          style={{ width: 180 }}
          options={categories.map((category) => ({ value: category, label: category }))}
          onChange={(category?: string) => setQuery((prev) => ({ ...prev, category: category ?? '', page: 1 }))}
        />
      </Space>
      <Table<AdminProductView>
        rowKey="id"
        loading={products.loading}
        dataSource={products.data?.items}
        columns={columns}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: products.data?.total,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
        }}
      />
      <ProductFormDrawer
        open={editing !== null}
        productId={editing?.productId}
        tiers={tiers.data ?? []}
        categories={categories}
        onClose={() => setEditing(null)}
        onChanged={() => void products.reload()}
      />
    </>
  );
}
