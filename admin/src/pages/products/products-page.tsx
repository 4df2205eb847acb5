import type { AdminProductView, AdminSkuView, ProductSalesView } from '@member-commerce/shared';
import { formatFen, LOW_STOCK_THRESHOLD } from '@member-commerce/shared';
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getProductSales, listCategories, searchProducts, setProductsOnSale } from '../../api/products';
import { listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
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
  // The dashboard's 库存预警 to-do opens /products?lowStock=1.
  const [params] = useSearchParams();
  const [query, setQuery] = useState({ q: '', category: '', lowStock: params.get('lowStock') === '1' || undefined, page: 1, pageSize: 20 });
  const products = useAsync(() => searchProducts(query), [query]);
  const tiers = useAsync(listTiers, []);
  const [editing, setEditing] = useState<{ productId?: number } | null>(null);
  const categories = useAsync(listCategories, []);
  const productIds = products.data?.items.map((product) => product.id) ?? [];
  const sales = useAsync(
    async () =>
      new Map<number, ProductSalesView>(productIds.length ? (await getProductSales(productIds)).map((row) => [row.productId, row]) : []),
    [productIds.join(',')],
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkSaving, setBulkSaving] = useState(false);

  async function bulkOnSale(onSale: boolean) {
    setBulkSaving(true);
    try {
      const result = await setProductsOnSale(selected, onSale);
      showSuccess(
        `已${onSale ? '上架' : '下架'} ${result.changed} 件商品${result.unchanged ? `（${result.unchanged} 件原本就是${onSale ? '在售' : '下架'}）` : ''}`,
      );
      setSelected([]);
      await products.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBulkSaving(false);
    }
  }

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
      title: '库存',
      key: 'stock',
      align: 'right',
      width: 90,
      render: (_, product) => {
        const stock = product.skus.reduce((sum, sku) => sum + sku.stock, 0);
        return stock === 0 ? <Typography.Text type="danger">售罄</Typography.Text> : stock;
      },
    },
    {
      title: '销量',
      key: 'sales',
      align: 'right',
      width: 130,
      render: (_, product) => {
        const row = sales.data?.get(product.id);
        if (!row) return '—';
        return (
          <>
            <div>{row.unitsSold} 件</div>
            <div style={{ color: '#999', fontSize: 12 }}>{formatFen(row.salesFen)}</div>
          </>
        );
      },
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
          options={(categories.data ?? []).map((category) => ({
            value: category.name,
            label: `${category.name}（${category.productCount}）`,
          }))}
          onChange={(category?: string) => setQuery((prev) => ({ ...prev, category: category ?? '', page: 1 }))}
        />
        {query.lowStock ? (
          <Tag
            color="red"
            closable
            onClose={() => setQuery((prev) => ({ ...prev, lowStock: undefined, page: 1 }))}
            data-testid="low-stock-filter"
          >
            {`仅看库存预警（≤ ${LOW_STOCK_THRESHOLD} 件）`}
          </Tag>
        ) : null}
        {editable ? (
          <Space>
            <Typography.Text type="secondary">{selected.length ? `已选 ${selected.length} 件` : '勾选商品后可批量上下架'}</Typography.Text>
            <Popconfirm
              title={`上架选中的 ${selected.length} 件商品？`}
              onConfirm={() => bulkOnSale(true)}
              disabled={!selected.length}
              okText="上架"
              cancelText="取消"
            >
              <Button disabled={!selected.length} loading={bulkSaving}>
                批量上架
              </Button>
            </Popconfirm>
            <Popconfirm
              title={`下架选中的 ${selected.length} 件商品？顾客将看不到它们。`}
              onConfirm={() => bulkOnSale(false)}
              disabled={!selected.length}
              okText="下架"
              cancelText="取消"
            >
              <Button danger disabled={!selected.length} loading={bulkSaving}>
                批量下架
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
      </Space>
      <Table<AdminProductView>
        rowKey="id"
        rowSelection={
          editable
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), preserveSelectedRowKeys: true }
            : undefined
        }
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
        categories={categories.data ?? []}
        onClose={() => setEditing(null)}
        onChanged={() => {
          void products.reload();
          void categories.reload();
        }}
      />
    </>
  );
}
