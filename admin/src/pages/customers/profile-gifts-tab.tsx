import type { AfterSalesView, CustomerProfileView, MilestoneGiftView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Descriptions, Table } from 'antd';
import { EnumTag } from '../../components/enum-tag';
import { formatTime } from '../../format';
import { AFTER_SALES_STATUS, AFTER_SALES_TYPE, GIFT_STATUS } from '../../labels';
import { OrderNumberLink } from './order-number-link';

interface Props {
  profile: CustomerProfileView;
  onOpenOrder(orderId: number): void;
}

const WELCOME_STATUS = { NONE: '本期无开卡礼', CLAIMABLE: '可领取', CLAIMED: '已领取' } as const;

/** The welcome gift of the current term, the spend milestones of this run, and the after-sales requests. */
export function ProfileGiftsTab({ profile, onOpenOrder }: Props) {
  const { gifts } = profile;
  const giftOrderNo = (orderId?: number | null) => gifts.orders.find((order) => order.id === orderId)?.outTradeNo;
  return (
    <>
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label="开卡礼">
          {gifts.welcome ? `${gifts.welcome.giftPack?.name ?? gifts.welcome.title}（${WELCOME_STATUS[gifts.welcome.status]}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="礼包订单">
          <OrderNumberLink
            outTradeNo={giftOrderNo(gifts.welcome?.orderId)}
            onOpen={gifts.welcome?.orderId ? () => onOpenOrder(gifts.welcome?.orderId as number) : undefined}
          />
        </Descriptions.Item>
      </Descriptions>
      <h4 style={{ margin: '16px 0 8px' }}>消费里程碑（本轮会员期消费 {formatFen(gifts.spendFen)}）</h4>
      <Table<MilestoneGiftView>
        rowKey="milestoneId"
        size="small"
        pagination={false}
        dataSource={gifts.milestones}
        locale={{ emptyText: '暂无消费里程碑' }}
        columns={[
          { title: '里程碑', dataIndex: 'title' },
          { title: '门槛', dataIndex: 'thresholdFen', align: 'right', render: (fen: number) => formatFen(fen) },
          { title: '还差', dataIndex: 'remainingFen', align: 'right', render: (fen: number) => (fen > 0 ? formatFen(fen) : '—') },
          { title: '礼包', key: 'pack', render: (_, m) => m.giftPack?.name ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (status: MilestoneGiftView['status']) => <EnumTag map={GIFT_STATUS} value={status} />,
          },
          {
            title: '礼包订单',
            key: 'order',
            render: (_, m) => (
              <OrderNumberLink
                outTradeNo={giftOrderNo(m.orderId)}
                onOpen={m.orderId ? () => onOpenOrder(m.orderId as number) : undefined}
              />
            ),
          },
        ]}
      />
      <h4 style={{ margin: '16px 0 8px' }}>售后申请</h4>
      <Table<AfterSalesView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={profile.afterSales}
        locale={{ emptyText: '暂无售后申请' }}
        columns={[
          {
            title: '订单号',
            dataIndex: 'outTradeNo',
            render: (no: string, row) => <OrderNumberLink outTradeNo={no} onOpen={() => onOpenOrder(row.orderId)} />,
          },
          { title: '类型', dataIndex: 'type', render: (type: AfterSalesView['type']) => <EnumTag map={AFTER_SALES_TYPE} value={type} /> },
          {
            title: '状态',
            dataIndex: 'status',
            render: (status: AfterSalesView['status']) => <EnumTag map={AFTER_SALES_STATUS} value={status} />,
          },
          { title: '原因', dataIndex: 'reason' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
          { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
        ]}
      />
    </>
  );
}
