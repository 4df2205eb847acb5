import type { CustomerProfileView, CustomerTermView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Table, Tag } from 'antd';
import { EnumTag } from '../../components/enum-tag';
import { formatTime } from '../../format';
import { ORDER_STATUS, TERM_SOURCE } from '../../labels';
import { OrderNumberLink } from './order-number-link';

interface Props {
  profile: CustomerProfileView;
  onOpenOrder(orderId: number): void;
}

/** Every term the customer held, refunded ones included, with the order that bought it and its money. */
export function ProfileTermsTab({ profile, onOpenOrder }: Props) {
  return (
    <Table<CustomerTermView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...profile.terms].reverse()}
      locale={{ emptyText: '从未开通会员' }}
      columns={[
        { title: '会员卡', key: 'tier', render: (_, term) => term.tier.name },
        {
          title: '会员期',
          key: 'span',
          render: (_, term) => (term.removed ? <Tag color="red">已退款移除</Tag> : `${formatTime(term.start)} 至 ${formatTime(term.end)}`),
        },
        { title: '来源', dataIndex: 'source', render: (source: CustomerTermView['source']) => TERM_SOURCE[source] ?? '其他' },
        {
          title: '订单号',
          key: 'order',
          render: (_, term) => (
            <OrderNumberLink
              outTradeNo={term.order?.outTradeNo}
              onOpen={term.orderId ? () => onOpenOrder(term.orderId as number) : undefined}
            />
          ),
        },
        {
          title: '订单状态',
          key: 'status',
          render: (_, term) => (term.order ? <EnumTag map={ORDER_STATUS} value={term.order.status as keyof typeof ORDER_STATUS} /> : '—'),
        },
        { title: '实付', key: 'paid', align: 'right', render: (_, term) => (term.order ? formatFen(term.order.totalFen) : '—') },
        {
          title: '已退款',
          key: 'refunded',
          align: 'right',
          render: (_, term) => (term.order && term.order.refundedFen > 0 ? formatFen(term.order.refundedFen) : '—'),
        },
      ]}
    />
  );
}
