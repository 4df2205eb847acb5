import { formatFen, type GiftCodeAdminRow } from '@member-commerce/shared';
import { Card, Col, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { listGiftCodes } from '../../api/membership-codes';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';

function status(row: GiftCodeAdminRow) {
  if (row.breakage) return <Tag color="orange">过期未兑换</Tag>;
  if (row.status === 'REDEEMED') return <Tag color="green">已兑换</Tag>;
  if (row.status === 'VOID') return <Tag>已作废</Tag>;
  return <Tag color="blue">待兑换</Tag>;
}

/** Gift memberships sold: money stays deferred until redeemed; unredeemed past the date is breakage. */
export function GiftCodesTab() {
  const { data, loading } = useAsync(listGiftCodes, []);
  const totals = data?.totals;
  const cards = [
    { title: '礼品卡销售额', value: totals?.soldFen },
    { title: '已兑换', value: totals?.redeemedFen },
    { title: '待兑换（递延中）', value: totals?.openFen },
    { title: '过期未兑换（breakage，仍递延）', value: totals?.breakageFen },
    { title: '已退款', value: totals?.refundedFen },
  ];
  const columns: TableColumnsType<GiftCodeAdminRow> = [
    { title: '订单号', dataIndex: 'outTradeNo' },
    { title: '购买人', dataIndex: 'buyerNickname' },
    { title: '会员卡', dataIndex: 'tierName' },
    { title: '金额', dataIndex: 'priceFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: '支付时间', dataIndex: 'paidAt', render: formatTime },
    { title: '状态', key: 'status', render: (_, row) => status(row) },
    { title: '兑换时间', dataIndex: 'redeemedAt', render: (iso: string | null) => (iso ? formatTime(iso) : '—') },
    { title: '有效期至', dataIndex: 'validUntil', render: formatTime },
  ];
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map((card) => (
          <Col key={card.title} xs={12} md={8} xl={4}>
            <Card size="small" loading={loading && !data}>
              <Statistic title={card.title} value={card.value === undefined ? '—' : formatFen(card.value)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<GiftCodeAdminRow> rowKey="orderId" loading={loading} dataSource={data?.rows} columns={columns} pagination={{ pageSize: 20 }} />
    </>
  );
}
