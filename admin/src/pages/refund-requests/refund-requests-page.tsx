import type { RefundRequestStatus, RefundRequestView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { App, Button, Input, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { approveRefundRequest, getOrder, listRefundRequests, rejectRefundRequest } from '../../api/orders';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { PageHeader } from '../../components/page-header';
import { serverPagination } from '../../components/server-pagination';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { REFUND_REQUEST_STATUS, REFUND_STATUS } from '../../labels';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import type { AdminOrderView } from '@member-commerce/shared';

/**
 * Refunds above an operator's cumulative limit wait here: finance or admin approve (the money moves at once)
 * or reject with a note; both are in the audit log.
 */
export default function RefundRequestsPage() {
  const { can } = useAuth();
  const { modal } = App.useApp();
  const [status, setStatus] = useState<RefundRequestStatus | 'ALL'>('PENDING');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const requests = useAsync(() => listRefundRequests({ ...page, status: status === 'ALL' ? undefined : status }), [status, page]);
  const [order, setOrder] = useState<AdminOrderView>();
  const canDecide = can('refunds.approve');

  async function approve(request: RefundRequestView) {
    modal.confirm({
      title: `批准退款 ${formatFen(request.amountFen)}？`,
      content: `申请人 ${request.requestedBy}：${request.reason}。批准后立即原路退回顾客。`,
      okText: '批准并退款',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await approveRefundRequest(request.id);
          showSuccess('已批准，退款已提交');
          await requests.reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  function reject(request: RefundRequestView) {
    let note = '';
    modal.confirm({
      title: '驳回退款申请',
      content: (
        <Input.TextArea rows={2} placeholder="驳回原因（必填）" onChange={(e) => (note = e.target.value)} data-testid="reject-note" />
      ),
      okText: '驳回',
      onOk: async () => {
        if (note.trim().length < 2) {
          showError(new Error('请填写驳回原因'));
          throw new Error('note required');
        }
        try {
          await rejectRefundRequest(request.id, note.trim());
          showSuccess('已驳回');
          await requests.reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  const columns: TableColumnsType<RefundRequestView> = [
    {
      title: '订单',
      dataIndex: 'orderId',
      width: 100,
      render: (id: number) => (
        <Button type="link" size="small" onClick={() => getOrder(id).then(setOrder, showError)}>
          #{id}
        </Button>
      ),
    },
    { title: '申请金额', dataIndex: 'amountFen', align: 'right', width: 120, render: (fen: number) => formatFen(fen) },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '申请人', dataIndex: 'requestedBy', width: 110 },
    { title: '申请时间', dataIndex: 'createdAt', width: 160, render: formatTime },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (value: RefundRequestStatus) => <EnumTag map={REFUND_REQUEST_STATUS} value={value} />,
    },
    {
      title: '处理',
      key: 'decision',
      width: 220,
      render: (_, request) =>
        request.status === 'PENDING' ? (
          canDecide ? (
            <Space>
              <Button size="small" type="primary" danger onClick={() => approve(request)}>
                批准
              </Button>
              <Button size="small" onClick={() => reject(request)}>
                驳回
              </Button>
            </Space>
          ) : (
            '等待财务审批'
          )
        ) : (
          <span>
            {request.decidedBy} {formatTime(request.decidedAt)}
            {request.refund ? (
              <>
                {' '}
                <EnumTag map={REFUND_STATUS} value={request.refund.status} />
                {request.refund.failureReason ? (
                  <div style={{ color: '#cf1322' }}>{request.refund.failureReason}（请在订单详情中重试或关闭）</div>
                ) : null}
              </>
            ) : null}
            {request.decisionNote ? <div style={{ color: '#888' }}>{request.decisionNote}</div> : null}
          </span>
        ),
    },
  ];

  return (
    <>
      <PageHeader title="退款审批" />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => {
          setStatus(value as RefundRequestStatus | 'ALL');
          setPage((prev) => ({ ...prev, page: 1 }));
        }}
        options={[
          { value: 'PENDING', label: '待审批' },
          { value: 'APPROVED', label: '已批准' },
          { value: 'REJECTED', label: '已驳回' },
          { value: 'ALL', label: '全部' },
        ]}
      />
      <Table<RefundRequestView>
        rowKey="id"
        loading={requests.loading}
        dataSource={requests.data?.items}
        columns={columns}
        pagination={serverPagination(page, requests.data?.total, (p, pageSize) => setPage({ page: p, pageSize }))}
      />
      <OrderDetailDrawer
        order={order}
        onClose={() => setOrder(undefined)}
        onChanged={() => {
          if (order) void getOrder(order.id).then(setOrder, showError);
          void requests.reload();
        }}
      />
    </>
  );
}
