import type { AdminAfterSalesView } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { Alert, App, Button, Descriptions, Drawer, Image, Input, Space, Typography } from 'antd';
import { approveAfterSales, receivedAfterSalesReturn, rejectAfterSales, updateAfterSalesAmount } from '../../api/after-sales';
import { EnumTag } from '../../components/enum-tag';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { AFTER_SALES_STATUS, AFTER_SALES_TYPE, REFUND_REQUEST_STATUS, REFUND_STATUS } from '../../labels';
import { AfterSalesSteps } from './after-sales-steps';

interface Props {
  request?: AdminAfterSalesView;
  onClose: () => void;
  onChanged: (updated: AdminAfterSalesView) => void;
}

/** One request: what the customer said and showed, and the decision (refunds keep the approver's limit). */
export function AfterSalesDrawer({ request, onClose, onChanged }: Props) {
  const { modal } = App.useApp();
  if (!request) return <Drawer open={false} onClose={onClose} />;

  const refundNow = request.type === 'REFUND_ONLY' || request.status === 'AWAITING_RETURN';
  const act = (title: string, content: string, run: () => Promise<AdminAfterSalesView>, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      okButtonProps: { danger: refundNow },
      onOk: async () => {
        try {
          const updated = await run();
          showSuccess(updated.status === 'REFUND_REQUESTED' ? '金额超出你的退款额度，已提交财务审批' : done);
          onChanged(updated);
        } catch (e) {
          showError(e);
        }
      },
    });

  const undecided = request.status === 'PENDING' || request.status === 'AWAITING_RETURN';

  function editAmount() {
    let yuan = (request!.amountFen / 100).toFixed(2);
    modal.confirm({
      title: '修改退款金额',
      content: <Input prefix="¥" defaultValue={yuan} onChange={(e) => (yuan = e.target.value)} data-testid="after-sales-amount" />,
      okText: '保存',
      onOk: async () => {
        const fen = Math.round(Number(yuan) * 100);
        if (!Number.isFinite(fen) || fen <= 0) {
          showError(new Error('请输入正确的金额'));
          throw new Error('amount required');
        }
        try {
          onChanged(await updateAfterSalesAmount(request!.id, fen));
          showSuccess('退款金额已修改');
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  function reject() {
    let note = '';
    modal.confirm({
      title: '拒绝售后申请',
      content: (
        <Input.TextArea
          rows={2}
          placeholder="拒绝原因（顾客可见，必填）"
          onChange={(e) => (note = e.target.value)}
          data-testid="after-sales-reject-note"
        />
      ),
      okText: '拒绝',
      onOk: async () => {
        if (note.trim().length < 2) {
          showError(new Error('请填写拒绝原因'));
          throw new Error('note required');
        }
        try {
          onChanged(await rejectAfterSales(request!.id, note.trim()));
          showSuccess('已拒绝');
        } catch (e) {
          showError(e);
        }
      },
    });
  }

  return (
    <Drawer open width={640} title={`售后：订单 ${request.outTradeNo}`} onClose={onClose} destroyOnClose>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态">
          <EnumTag map={AFTER_SALES_STATUS} value={request.status} />
        </Descriptions.Item>
        <Descriptions.Item label="类型">
          <EnumTag map={AFTER_SALES_TYPE} value={request.type} />
        </Descriptions.Item>
        <Descriptions.Item label="订单">
          {request.outTradeNo}（实付 {formatFen(request.orderTotalFen)}）
        </Descriptions.Item>
        <Descriptions.Item label="顾客">{request.customer.nickname}</Descriptions.Item>
        <Descriptions.Item label="申请退款">
          {formatFen(request.amountFen)}{' '}
          {undecided ? (
            <Button type="link" size="small" onClick={editAmount}>
              修改金额
            </Button>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="原因">{request.reason}</Descriptions.Item>
        <Descriptions.Item label="描述">{request.description || '—'}</Descriptions.Item>
        <Descriptions.Item label="申请时间">{formatTime(request.createdAt)}</Descriptions.Item>
        {request.decidedBy && (
          <Descriptions.Item label="处理">
            {request.decidedBy} {formatTime(request.decidedAt)} {request.decisionNote}
          </Descriptions.Item>
        )}
        {request.refund && (
          <Descriptions.Item label="退款">
            {formatFen(request.refund.amountFen)} <EnumTag map={REFUND_STATUS} value={request.refund.status} />
            {request.status === 'REFUND_FAILED' ? (
              <div style={{ color: '#cf1322' }}>微信支付未能退款，请在订单详情中重试、关闭或线下退款</div>
            ) : null}
          </Descriptions.Item>
        )}
        {request.returnAddress && (
          <Descriptions.Item label="退货地址">
            {request.returnAddress.name} {request.returnAddress.phone} · {request.returnAddress.address}
          </Descriptions.Item>
        )}
        {request.type === 'RETURN_REFUND' && request.returnAddress && (
          <Descriptions.Item label="顾客寄回">
            {request.returnShipment ? (
              <span data-testid="return-shipment">
                {request.returnShipment.carrierName} <Typography.Text copyable>{request.returnShipment.trackingNo}</Typography.Text>
                <span style={{ color: '#888', marginLeft: 8 }}>{formatTime(request.returnShipment.shippedAt)}</span>
              </span>
            ) : (
              <span style={{ color: '#888' }}>顾客还没有填写快递单号</span>
            )}
          </Descriptions.Item>
        )}
        {request.receivedAt && <Descriptions.Item label="收货时间">{formatTime(request.receivedAt)}</Descriptions.Item>}
        {request.refundRequest && (
          <Descriptions.Item label="退款审批">
            <EnumTag map={REFUND_REQUEST_STATUS} value={request.refundRequest.status} /> （在「退款审批」中处理）
          </Descriptions.Item>
        )}
      </Descriptions>
      <div style={{ margin: '16px 0 12px', fontWeight: 600 }}>处理进度</div>
      <AfterSalesSteps steps={request.timeline} />
      <div style={{ margin: '0 0 8px', fontWeight: 600 }}>图片凭证</div>
      {request.photos.length ? (
        <div>
          <Image.PreviewGroup>
            <Space wrap>
              {request.photos.map((p) => (
                <Image key={p.name} src={p.url} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 8 }} />
              ))}
            </Space>
          </Image.PreviewGroup>
        </div>
      ) : (
        <span style={{ color: '#888' }}>顾客未上传图片</span>
      )}
      {(request.status === 'PENDING' || request.status === 'AWAITING_RETURN') && (
        <div style={{ marginTop: 8 }}>
          {request.status === 'AWAITING_RETURN' && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              message={
                request.returnShipment
                  ? '顾客已寄回商品；仓库签收并核对后点「确认收货并退款」。'
                  : '已同意退货，等待顾客寄回并填写快递单号。'
              }
            />
          )}
          <Space style={{ marginTop: 24 }}>
            {request.status === 'PENDING' && request.type === 'REFUND_ONLY' && (
              <Button
                type="primary"
                danger
                onClick={() =>
                  act(
                    `同意并退款 ${formatFen(request.amountFen)}？`,
                    '退款原路退回顾客的微信支付；超出你的退款额度时转为退款审批。',
                    () => approveAfterSales(request.id),
                    '已同意，退款已提交',
                  )
                }
              >
                同意并退款
              </Button>
            )}
            {request.status === 'PENDING' && request.type === 'RETURN_REFUND' && (
              <Button
                type="primary"
                onClick={() =>
                  act(
                    '同意退货？',
                    '顾客将看到退货地址并填写寄回的快递单号；收货后再退款。',
                    () => approveAfterSales(request.id),
                    '已同意退货',
                  )
                }
              >
                同意退货
              </Button>
            )}
            {request.status === 'AWAITING_RETURN' && (
              <Button
                type="primary"
                danger
                disabled={!request.returnShipment}
                data-testid="confirm-return-received"
                onClick={() =>
                  act(
                    `确认已收到退货并退款 ${formatFen(request.amountFen)}？`,
                    '退款原路退回顾客的微信支付。',
                    () => receivedAfterSalesReturn(request.id),
                    '已退款',
                  )
                }
              >
                确认收货并退款
              </Button>
            )}
            <Button onClick={reject}>拒绝</Button>
          </Space>
        </div>
      )}
    </Drawer>
  );
}
