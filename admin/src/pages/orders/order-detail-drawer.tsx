import type {
  AdminOrderView,
  OrderActionCode,
  OrderLineView,
  RefundRequestStatus,
  RefundRequestView,
  RefundStatus,
  RefundView,
} from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { App, Button, Descriptions, Drawer, Input, Space, Table, Typography } from 'antd';
import { CustomerProfileDrawer } from '../customers/customer-profile-drawer';
import { useState } from 'react';
import { cancelGiftOrder } from '../../api/after-sales';
import { closeRefund, refundOffline, retryRefund } from '../../api/orders';
import { showError, showSuccess } from '../../feedback';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { formatTime } from '../../format';
import { ORDER_KIND, ORDER_STATUS, PAYMENT_STATUS, REFUND_REQUEST_STATUS, REFUND_STATUS } from '../../labels';
import { RefundModal } from './refund-modal';
import { ShipModal } from './ship-modal';
import { OrderMoneyTable } from './order-money-table';
import { WechatShippingPanel } from './wechat-shipping-panel';

interface Props {
  order?: AdminOrderView;
  onClose(): void;
  /** The order changed (shipped, refund requested): reload it and the list. */
  onChanged(): void;
}

export function OrderDetailDrawer({ order, onClose, onChanged }: Props) {
  const { can } = useAuth();
  const [refunding, setRefunding] = useState(false);
  const [shipping, setShipping] = useState(false);
  const [profileOf, setProfileOf] = useState<number>();
  // What the order allows next comes from the server (state machine + refund rules); the role decides who may.
  const next = (action: OrderActionCode) => order?.nextActions?.find((a) => a.action === action);
  const shipAction = can('orders.ship') ? next('SHIP') : undefined;
  const refundAction = can('orders.refund') ? next('REFUND') : undefined;
  const cancelGiftAction = can('orders.ship') ? next('CANCEL_GIFT') : undefined;
  const { modal } = App.useApp();

  /** A refused refund is retried (same out_refund_no); a refused or abnormal one closed, or an abnormal one refunded offline. */
  function refundRowAction(refund: RefundView, action: 'retry' | 'close' | 'offline') {
    let note = '';
    const titles = { retry: '重新提交退款', close: '关闭退款（不再退回）', offline: '已线下退款' } as const;
    modal.confirm({
      title: titles[action],
      content:
        action === 'retry' ? (
          <p>
            以原退款单号 {refund.outRefundNo} 重新向微信支付提交 {formatFen(refund.amountFen)}。
          </p>
        ) : (
          <Input.TextArea rows={2} placeholder="说明（必填）" onChange={(e) => (note = e.target.value)} data-testid="refund-action-note" />
        ),
      okButtonProps: { danger: action !== 'retry' },
      onOk: async () => {
        if (action !== 'retry' && note.trim().length < 2) {
          showError(new Error('请填写说明'));
          throw new Error('note required');
        }
        try {
          if (action === 'retry') await retryRefund(refund.id);
          else if (action === 'close') await closeRefund(refund.id, note.trim());
          else await refundOffline(refund.id, note.trim());
          showSuccess(action === 'retry' ? '已重新提交，等待微信支付处理' : action === 'close' ? '退款已关闭' : '已记为线下退款');
          onChanged();
        } catch (e) {
          showError(e);
          onChanged();
        }
      },
    });
  }

  function cancelGift() {
    if (!order) return;
    let reason = '';
    modal.confirm({
      title: '取消礼包订单',
      content: (
        <>
          <p>礼包退回库存，领取记录作废（会员可重新领取，会员卡退款不再扣除该礼包价值）。</p>
          <Input.TextArea
            rows={2}
            placeholder="取消原因（必填）"
            onChange={(e) => (reason = e.target.value)}
            data-testid="cancel-gift-reason"
          />
        </>
      ),
      okText: '取消礼包',
      okButtonProps: { danger: true },
      onOk: async () => {
        if (reason.trim().length < 2) {
          showError(new Error('请填写取消原因'));
          throw new Error('reason required');
        }
        try {
          await cancelGiftOrder(order.id, reason.trim());
          showSuccess('礼包订单已取消');
          onChanged();
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  const address = order?.address;
  return (
    <Drawer
      title={order ? `订单 ${order.outTradeNo}` : ''}
      width={760}
      open={Boolean(order)}
      onClose={onClose}
      extra={
        <Space>
          {shipAction ? (
            <Button
              type="primary"
              onClick={() => setShipping(true)}
              disabled={Boolean(shipAction.blockedReason)}
              title={shipAction.blockedReason ?? undefined}
            >
              发货
            </Button>
          ) : null}
          {cancelGiftAction ? (
            <Button danger onClick={cancelGift} disabled={Boolean(cancelGiftAction.blockedReason)}>
              取消礼包
            </Button>
          ) : null}
          {refundAction ? (
            <Button
              danger
              onClick={() => setRefunding(true)}
              disabled={Boolean(refundAction.blockedReason)}
              title={refundAction.blockedReason ?? undefined}
              data-testid="order-refund-button"
            >
              退款
            </Button>
          ) : null}
        </Space>
      }
    >
      {order ? (
        <>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label="订单号">{order.outTradeNo}</Descriptions.Item>
            <Descriptions.Item label="类型">
              <EnumTag map={ORDER_KIND} value={order.kind} />
            </Descriptions.Item>
            <Descriptions.Item label="顾客">
              <Typography.Link onClick={() => setProfileOf(order.customer.id)} data-testid="order-customer">
                {order.customer.nickname || '未填写昵称'}
              </Typography.Link>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <EnumTag map={ORDER_STATUS} value={order.status} />
            </Descriptions.Item>
            <Descriptions.Item label="按会员卡定价">
              {order.pricedAsTierId ? (order.pricedAsTierName ?? '会员价') : '非会员价'}
            </Descriptions.Item>
            <Descriptions.Item label="下单时间">{formatTime(order.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="支付时间">{formatTime(order.paidAt)}</Descriptions.Item>
            {order.closedAt ? <Descriptions.Item label="关闭时间">{formatTime(order.closedAt)}</Descriptions.Item> : null}
            {order.payment ? (
              <>
                <Descriptions.Item label="支付状态">
                  <EnumTag map={PAYMENT_STATUS} value={order.payment.status} />
                  {order.payment.flagReason ? <div style={{ color: '#cf1322' }}>{order.payment.flagReason}</div> : null}
                </Descriptions.Item>
                <Descriptions.Item label="微信交易号">{order.payment.transactionId ?? '—'}</Descriptions.Item>
              </>
            ) : null}
            {order.shipment ? (
              <Descriptions.Item label="物流" span={2}>
                {order.shipment.carrierName} <span style={{ fontFamily: 'monospace' }}>{order.shipment.trackingNo}</span>（
                {formatTime(order.shipment.shippedAt)}）
              </Descriptions.Item>
            ) : null}
            {address ? (
              <Descriptions.Item label="收货地址" span={2}>
                {address.name} {address.phone}，{address.province}
                {address.city}
                {address.district}
                {address.detail}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h4 style={{ margin: '24px 0 8px' }}>商品</h4>
          <Table<OrderLineView>
            data-testid="order-lines"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={order.lines}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '原价', dataIndex: 'unitListPriceFen', align: 'right', render: (fen: number) => formatFen(fen) },
              {
                title: order.pricedAsTierId ? '会员价' : '成交价',
                dataIndex: 'unitPriceFen',
                align: 'right',
                render: (fen: number) => formatFen(fen),
              },
              { title: '数量', dataIndex: 'quantity', align: 'right' },
              { title: '小计', dataIndex: 'lineTotalFen', align: 'right', render: (fen: number) => formatFen(fen) },
            ]}
          />
          <OrderMoneyTable money={order.money} />
          <WechatShippingPanel order={order} onChanged={onChanged} />
          {order.refunds.length ? (
            <>
              <h4 style={{ margin: '24px 0 8px' }}>退款记录</h4>
              <Table<RefundView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={order.refunds}
                data-testid="order-refunds"
                columns={[
                  {
                    title: '退款单号',
                    dataIndex: 'outRefundNo',
                    render: (no: string) => <span style={{ fontFamily: 'monospace' }}>{no}</span>,
                  },
                  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
                  { title: '状态', dataIndex: 'status', render: (status: RefundStatus) => <EnumTag map={REFUND_STATUS} value={status} /> },
                  { title: '原因', dataIndex: 'reason' },
                  { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
                  { title: '到账时间', dataIndex: 'succeededAt', render: formatTime },
                  {
                    title: '说明',
                    key: 'note',
                    render: (_: unknown, refund: RefundView) =>
                      refund.queuedUntil
                        ? `排队中：微信支付同一订单两次退款需间隔 1 分钟，将于 ${formatTime(refund.queuedUntil)} 提交`
                        : refund.offline
                          ? '已线下退款'
                          : (refund.failureReason ?? ''),
                  },
                  ...(can('orders.refund')
                    ? [
                        {
                          title: '操作',
                          key: 'actions',
                          render: (_: unknown, refund: RefundView) => (
                            <Space size="small">
                              {refund.status === 'FAILED' ? (
                                <Button size="small" onClick={() => refundRowAction(refund, 'retry')}>
                                  重试
                                </Button>
                              ) : null}
                              {refund.status === 'ABNORMAL' && can('refunds.approve') ? (
                                <Button size="small" onClick={() => refundRowAction(refund, 'offline')}>
                                  已线下退款
                                </Button>
                              ) : null}
                              {refund.status === 'FAILED' || refund.status === 'ABNORMAL' ? (
                                <Button size="small" danger onClick={() => refundRowAction(refund, 'close')}>
                                  关闭
                                </Button>
                              ) : null}
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          ) : null}
          {order.refundRequests?.length ? (
            <>
              <h4 style={{ margin: '24px 0 8px' }}>退款申请（超出额度，待财务审批）</h4>
              <Table<RefundRequestView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={order.refundRequests}
                data-testid="order-refund-requests"
                columns={[
                  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatFen(fen) },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (status: RefundRequestStatus) => <EnumTag map={REFUND_REQUEST_STATUS} value={status} />,
                  },
                  { title: '申请人', dataIndex: 'requestedBy' },
                  { title: '原因', dataIndex: 'reason' },
                  {
                    title: '审批',
                    key: 'decision',
                    render: (_: unknown, r: RefundRequestView) => (r.decidedBy ? `${r.decidedBy}：${r.decisionNote ?? ''}` : '—'),
                  },
                  { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
                ]}
              />
            </>
          ) : null}
        </>
      ) : null}
      <ShipModal
        order={shipping ? order : undefined}
        onClose={() => setShipping(false)}
        onDone={() => {
          setShipping(false);
          onChanged();
        }}
      />
      <RefundModal
        order={refunding ? order : undefined}
        onClose={() => setRefunding(false)}
        onDone={() => {
          setRefunding(false);
          onChanged();
        }}
      />
      {profileOf ? <CustomerProfileDrawer customerId={profileOf} onClose={() => setProfileOf(undefined)} /> : null}
    </Drawer>
  );
}
