import type { AdminOrderView, CustomerSummary, OrderKind, OrderStatus } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Alert, App, Button, DatePicker, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import {
  downloadOrders,
  getOrder,
  listAlerts,
  listFlaggedPayments,
  resolveAlert,
  resolveFlaggedPayment,
  searchOrders,
  type OrderQuery,
} from '../../api/orders';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { serverPagination } from '../../components/server-pagination';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { ORDER_KIND, ORDER_STATUS, optionsOf } from '../../labels';
import { BulkShipButton } from './bulk-ship-button';
import { OrderDetailDrawer } from './order-detail-drawer';
import { DownloadButton } from '../../components/download-button';

const filtersOf = ({ page: _page, pageSize: _size, ...filters }: OrderQuery) => filters;

export default function OrdersPage() {
  // A link (a dashboard to-do) may open the page filtered: /orders?fulfilment=TO_SHIP.
  const [params] = useSearchParams();
  const linkedFulfilment = params.get('fulfilment');
  const [query, setQuery] = useState<OrderQuery & { page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
    ...(linkedFulfilment === 'TO_SHIP' || linkedFulfilment === 'SHIPPED' ? { fulfilment: linkedFulfilment } : {}),
    ...(params.get('wechatShipping') === 'FAILED' ? { wechatShipping: 'FAILED' as const } : {}),
  });
  const orders = useAsync(() => searchOrders(query), [query]);
  const [selected, setSelected] = useState<AdminOrderView>();
  const flagged = useAsync(listFlaggedPayments, []);
  const { can } = useAuth();
  // Tiers are a catalogue read; roles without it filter without the tier list.
  const tiers = useAsync(() => (can('catalog.read') ? listTiers() : Promise.resolve([])), []);
  const alerts = useAsync(listAlerts, []);
  const openAlerts = alerts.data?.filter((alert) => !alert.resolvedAt) ?? [];

  const { modal } = App.useApp();

  /** An alert or a flagged payment ends with a note; who and when are kept by the server. */
  function resolve(kind: 'alert' | 'payment', id: number) {
    let note = '';
    modal.confirm({
      title: kind === 'alert' ? '标记提醒已处理' : '标记异常支付已处理（款项已在别处退回或核实）',
      content: <Input.TextArea rows={2} placeholder="处理说明（必填）" onChange={(e) => (note = e.target.value)} />,
      onOk: async () => {
        if (note.trim().length < 2) {
          showError(new Error('请填写处理说明'));
          throw new Error('note required');
        }
        try {
          if (kind === 'alert') await resolveAlert(id, note.trim());
          else await resolveFlaggedPayment(id, note.trim());
          showSuccess('已标记为已处理');
          if (kind === 'alert') alerts.reload();
          else flagged.reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  async function open(id: number) {
    try {
      setSelected(await getOrder(id));
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<AdminOrderView> = [
    {
      title: '订单号',
      dataIndex: 'outTradeNo',
      width: 250,
      render: (no: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{no}</span>,
    },
    { title: '类型', dataIndex: 'kind', width: 90, render: (kind: OrderKind) => <EnumTag map={ORDER_KIND} value={kind} /> },
    { title: '顾客', dataIndex: 'customer', width: 140, render: (customer: CustomerSummary) => customer?.nickname ?? '—' },
    {
      title: '内容',
      key: 'lines',
      ellipsis: true,
      render: (_, order) => order.lines.map((line) => `${line.name}×${line.quantity}`).join('，'),
    },
    { title: '实付', dataIndex: 'totalFen', align: 'right', width: 120, render: (fen: number) => formatFen(fen) },
    { title: '会员优惠', dataIndex: 'savingsFen', align: 'right', width: 110, render: (fen: number) => (fen ? formatFen(fen) : '—') },
    { title: '状态', dataIndex: 'status', width: 100, render: (status: OrderStatus) => <EnumTag map={ORDER_STATUS} value={status} /> },
    { title: '下单时间', dataIndex: 'createdAt', width: 150, render: formatTime },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, order) => (
        <Button type="link" size="small" onClick={() => open(order.id)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="订单"
        extra={
          <>
            {can('orders.ship') ? <BulkShipButton onDone={() => void orders.reload()} /> : null}
            <DownloadButton download={(onProgress) => downloadOrders(filtersOf(query), onProgress)} fileName="orders.csv">
              导出当前筛选
            </DownloadButton>
          </>
        }
      />
      {flagged.data?.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${flagged.data.length} 笔支付异常待处理`}
          description={
            <Space size={[8, 4]} wrap>
              {flagged.data.slice(0, 10).map((payment) => (
                <Space.Compact key={payment.id}>
                  <Button size="small" onClick={() => open(payment.orderId)}>
                    订单 #{payment.orderId} {formatFen(payment.amountFen)}：{payment.flagReason ?? '校验失败'}
                  </Button>
                  {can('refunds.approve') ? (
                    <Button size="small" onClick={() => resolve('payment', payment.id)}>
                      已处理
                    </Button>
                  ) : null}
                </Space.Compact>
              ))}
            </Space>
          }
        />
      ) : null}
      {openAlerts.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${openAlerts.length} 条提醒`}
          description={
            <Space direction="vertical" size={2}>
              {openAlerts.slice(0, 5).map((alert) => (
                <span key={alert.id}>
                  {alert.orderId ? (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(alert.orderId!)}>
                      订单 #{alert.orderId}
                    </Button>
                  ) : null}{' '}
                  {alert.message}（{formatTime(alert.createdAt)}）
                  {can('orders.ship') || can('refunds.approve') ? (
                    <Button type="link" size="small" onClick={() => resolve('alert', alert.id)}>
                      标记已处理
                    </Button>
                  ) : null}
                </span>
              ))}
            </Space>
          }
        />
      ) : null}
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          placeholder="订单号 / 昵称 / 手机号"
          style={{ width: 280 }}
          onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }))}
          data-testid="order-search"
        />
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 130 }}
          options={optionsOf(ORDER_KIND)}
          onChange={(kind?: OrderKind) => setQuery((prev) => ({ ...prev, kind, page: 1 }))}
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 130 }}
          options={optionsOf(ORDER_STATUS)}
          onChange={(status?: OrderStatus) => setQuery((prev) => ({ ...prev, status, page: 1 }))}
        />
        <Select
          allowClear
          placeholder="发货状态"
          style={{ width: 130 }}
          options={[
            { value: 'TO_SHIP', label: '待发货（含礼包）' },
            { value: 'SHIPPED', label: '已发货' },
          ]}
          value={query.fulfilment}
          onChange={(fulfilment?: 'TO_SHIP' | 'SHIPPED') => setQuery((prev) => ({ ...prev, fulfilment, page: 1 }))}
          data-testid="fulfilment-filter"
        />
        <Select
          allowClear
          placeholder="微信发货信息"
          style={{ width: 170 }}
          options={[{ value: 'FAILED', label: '发货信息上传失败' }]}
          value={query.wechatShipping}
          onChange={(wechatShipping?: 'FAILED') => setQuery((prev) => ({ ...prev, wechatShipping, page: 1 }))}
          data-testid="wechat-shipping-filter"
        />
        <Select
          allowClear
          placeholder="会员卡"
          style={{ width: 150 }}
          options={tiers.data?.map((tier) => ({ value: tier.id, label: tier.name }))}
          onChange={(tierId?: number) => setQuery((prev) => ({ ...prev, tierId, page: 1 }))}
        />
        <DatePicker.RangePicker
          placeholder={['下单开始日', '下单结束日']}
          onChange={(range) =>
            setQuery((prev) => ({ ...prev, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: 1 }))
          }
        />
      </Space>
      <Table<AdminOrderView>
        rowKey="id"
        loading={orders.loading}
        dataSource={orders.data?.items}
        columns={columns}
        pagination={serverPagination(
          query,
          orders.data?.total,
          (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
          '单',
        )}
      />
      <OrderDetailDrawer
        order={selected}
        onClose={() => setSelected(undefined)}
        onChanged={() => {
          if (selected) void open(selected.id);
          void orders.reload();
        }}
      />
    </>
  );
}
