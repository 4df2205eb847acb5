import type { AdminOrderView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Table } from 'antd';
import { useState } from 'react';
import { searchOrders } from '../../api/orders';
import { EnumTag } from '../../components/enum-tag';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { ORDER_KIND, ORDER_STATUS } from '../../labels';
import { OrderNumberLink } from './order-number-link';

interface Props {
  customerId: number;
  onOpenOrder(orderId: number): void;
}

/** The customer's orders, paged on the server (the order list's own query, for one customer). */
export function ProfileOrdersTab({ customerId, onOpenOrder }: Props) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const orders = useAsync(() => searchOrders({ customerId, ...page }), [customerId, page]);
  return (
    <Table<AdminOrderView>
      rowKey="id"
      size="small"
      loading={orders.loading}
      dataSource={orders.data?.items}
      locale={{ emptyText: '暂无订单' }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: orders.data?.total,
        showTotal: (total) => `共 ${total} 笔`,
        onChange: (next, pageSize) => setPage({ page: next, pageSize }),
      }}
      columns={[
        {
          title: '订单号',
          dataIndex: 'outTradeNo',
          render: (no: string, order) => <OrderNumberLink outTradeNo={no} onOpen={() => onOpenOrder(order.id)} />,
        },
        { title: '类型', dataIndex: 'kind', render: (kind: AdminOrderView['kind']) => <EnumTag map={ORDER_KIND} value={kind} /> },
        {
          title: '状态',
          dataIndex: 'status',
          render: (status: AdminOrderView['status']) => <EnumTag map={ORDER_STATUS} value={status} />,
        },
        { title: '实付', dataIndex: 'totalFen', align: 'right', render: (fen: number) => formatFen(fen) },
        {
          title: '已退款',
          dataIndex: 'refundedFen',
          align: 'right',
          render: (fen: number) => (fen > 0 ? formatFen(fen) : '—'),
        },
        { title: '下单时间', dataIndex: 'createdAt', render: formatTime },
      ]}
    />
  );
}
