import type { AdminAfterSalesView, AdminOrderView, AfterSalesStatus } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Button, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listAfterSales } from '../../api/after-sales';
import { getOrder } from '../../api/orders';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { serverPagination } from '../../components/server-pagination';
import { showError } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { AFTER_SALES_STATUS, AFTER_SALES_TYPE } from '../../labels';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import { AfterSalesDrawer } from './after-sales-drawer';
import { ReturnAddressCard } from './return-address-card';

/** Customers' refund and return requests: staff open one, look at the photos, approve or reject. */
export default function AfterSalesPage() {
  const [status, setStatus] = useState<AfterSalesStatus | 'ALL'>('PENDING');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const requests = useAsync(() => listAfterSales({ ...page, status: status === 'ALL' ? undefined : status }), [status, page]);
  const [open, setOpen] = useState<AdminAfterSalesView>();
  const [order, setOrder] = useState<AdminOrderView>();

  const columns: TableColumnsType<AdminAfterSalesView> = [
    {
      title: '订单',
      dataIndex: 'outTradeNo',
      width: 230,
      render: (no: string, row) => (
        <Button type="link" size="small" onClick={() => getOrder(row.orderId).then(setOrder, showError)}>
          {no}
        </Button>
      ),
    },
    { title: '顾客', dataIndex: ['customer', 'nickname'], width: 120 },
    {
      title: '类型',
      dataIndex: 'type',
      width: 100,
      render: (value: AdminAfterSalesView['type']) => <EnumTag map={AFTER_SALES_TYPE} value={value} />,
    },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '图片', key: 'photos', width: 70, align: 'center', render: (_, row) => row.photos.length || '—' },
    { title: '退款金额', dataIndex: 'amountFen', align: 'right', width: 110, render: (fen: number) => formatFen(fen) },
    { title: '申请时间', dataIndex: 'createdAt', width: 160, render: formatTime },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (value: AfterSalesStatus) => <EnumTag map={AFTER_SALES_STATUS} value={value} />,
    },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_, row) => (
        <Space>
          <Button
            size="small"
            type={row.status === 'PENDING' || row.status === 'AWAITING_RETURN' ? 'primary' : 'default'}
            onClick={() => setOpen(row)}
          >
            {row.status === 'PENDING' || row.status === 'AWAITING_RETURN' ? '处理' : '查看'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="售后" />
      <ReturnAddressCard />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value as AfterSalesStatus | 'ALL');
          setPage((prev) => ({ ...prev, page: 1 }));
        }}
        options={[
          { value: 'PENDING', label: '待审核' },
          { value: 'AWAITING_RETURN', label: '待寄回' },
          { value: 'REFUND_REQUESTED', label: '退款待审批' },
          { value: 'REFUNDED', label: '已退款' },
          { value: 'REJECTED', label: '已拒绝' },
          { value: 'ALL', label: '全部' },
        ]}
      />
      <Table<AdminAfterSalesView>
        rowKey="id"
        loading={requests.loading}
        dataSource={requests.data?.items}
        columns={columns}
        pagination={serverPagination(page, requests.data?.total, (p, pageSize) => setPage({ page: p, pageSize }))}
      />
      <AfterSalesDrawer
        request={open}
        onClose={() => setOpen(undefined)}
        onChanged={(updated) => {
          setOpen(updated);
          void requests.reload();
        }}
      />
      <OrderDetailDrawer
        order={order}
        onClose={() => setOrder(undefined)}
        onChanged={() => order && void getOrder(order.id).then(setOrder, showError)}
      />
    </>
  );
}
