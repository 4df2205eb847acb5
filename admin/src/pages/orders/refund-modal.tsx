import type { AdminOrderView, RefundQuote } from '@member-commerce/shared';
import { formatFen, yuanToFen } from '@member-commerce/shared';
import { Alert, App, Descriptions, Form, Input, Modal, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { getRefundQuote, refundOrder } from '../../api/orders';
import { YuanInput } from '../../components/yuan-input';
import { errorText, showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface FormValues {
  amountYuan: number;
  reason: string;
}

/** What the refund does besides returning money, in the words staff confirm. */
function consequence(order: AdminOrderView, quote: RefundQuote, amountFen: number): string {
  if (order.payment?.status === 'FLAGGED') return '这是一笔异常支付，退款不改变订单状态。';
  if (order.kind !== 'MEMBERSHIP') return '';
  return amountFen === quote.refundableFen
    ? '退回全部可退金额后，本单购买的会员期将被移除（其他会员期不受影响），其未用优惠券作废；退款处理期间（含待审批）该会员期的会员价、包邮、优惠券和礼包领取暂停。'
    : '部分退款只退钱，会员期不变。';
}

/**
 * Refund flow: the server's quote (what was paid, benefits already used, what may be refunded and the
 * rule behind it) is shown first; staff then confirm an amount up to the refundable and a reason.
 */
export function RefundModal({ order, onClose, onDone }: { order?: AdminOrderView; onClose(): void; onDone(): void }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [quote, setQuote] = useState<RefundQuote>();
  const [quoteError, setQuoteError] = useState<string>();
  const { saving, run } = useSaving();

  useEffect(() => {
    setQuote(undefined);
    setQuoteError(undefined);
    if (!order) return;
    let live = true;
    getRefundQuote(order.id)
      .then((q) => {
        if (!live) return;
        setQuote(q);
        form.setFieldsValue({ amountYuan: q.refundableFen / 100, reason: '' });
      })
      .catch((e) => live && setQuoteError(errorText(e)));
    return () => {
      live = false;
    };
  }, [order, form]);

  async function submit() {
    if (!order || !quote) return;
    const values = await form.validateFields();
    const amountFen = yuanToFen(values.amountYuan);
    modal.confirm({
      title: `确认退款 ${formatFen(amountFen)}？`,
      content: `订单 ${order.outTradeNo}，原路退回顾客。${consequence(order, quote, amountFen)}`,
      okText: '确认退款',
      okButtonProps: { danger: true },
      onOk: async () => {
        await run(async () => {
          try {
            const result = await refundOrder(order.id, { amountFen, reason: values.reason.trim() });
            showSuccess('request' in result ? '超出您的退款额度，已提交退款申请，等待财务审批' : '退款已提交');
            onDone();
          } catch (error) {
            // A refusal is kept as a failed refund: close, so the order shows it with its reason and the retry.
            if (error instanceof ApiError && error.code === 'REFUND_REJECTED') onDone();
            throw error;
          }
        });
      },
    });
  }

  const nothingToRefund = quote !== undefined && (quote.refundableFen <= 0 || Boolean(quote.pendingRequest));
  return (
    <Modal
      title={`退款：${order?.outTradeNo ?? ''}`}
      open={Boolean(order)}
      onCancel={onClose}
      onOk={submit}
      okText="退款"
      okButtonProps={{ danger: true, disabled: !quote || nothingToRefund }}
      confirmLoading={saving}
      width={600}
      destroyOnHidden
    >
      {quoteError ? <Alert type="error" showIcon message={`无法计算可退金额：${quoteError}`} /> : null}
      {!quote && !quoteError ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      {quote?.pendingRequest ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${quote.pendingRequest.requestedBy} 已提交 ${formatFen(quote.pendingRequest.amountFen)} 的退款申请，正在等待财务审批；审批或驳回后才能再次退款`}
        />
      ) : null}
      {quote ? (
        <>
          <Descriptions column={1} bordered size="small" data-testid="refund-quote">
            <Descriptions.Item label="实付金额">{formatFen(quote.paidFen)}</Descriptions.Item>
            <Descriptions.Item label="已退金额">{formatFen(quote.alreadyRefundedFen)}</Descriptions.Item>
            <Descriptions.Item label="已领礼包价值">{formatFen(quote.giftValueUsedFen)}</Descriptions.Item>
            <Descriptions.Item label="已享会员优惠">{formatFen(quote.memberSavingsUsedFen)}</Descriptions.Item>
            {order?.kind === 'MEMBERSHIP' ? (
              <Descriptions.Item label="顾客接受的会员协议">
                {order.agreementVersion ? `《会员服务协议》第 ${order.agreementVersion} 版` : '未记录（协议版本上线前的订单）'}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label="可退金额">
              <strong style={{ color: '#cf1322' }}>{formatFen(quote.refundableFen)}</strong>{' '}
              {quote.fullRefundAllowed ? <Tag color="green">可全额退款</Tag> : <Tag color="orange">需扣除已用权益</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon style={{ margin: '12px 0 16px' }} message="退款规则" description={quote.rule} />
          <Form form={form} layout="vertical" disabled={nothingToRefund}>
            <Form.Item
              name="amountYuan"
              label="退款金额（元）"
              rules={[
                {
                  required: true,
                  type: 'number',
                  min: 0.01,
                  max: quote.refundableFen / 100,
                  message: `0.01 – ${formatFen(quote.refundableFen)}`,
                },
              ]}
            >
              <YuanInput max={quote.refundableFen / 100} />
            </Form.Item>
            <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, max: 255, message: '请填写 2–255 字的原因' }]}>
              <Input.TextArea rows={2} placeholder="如：顾客申请退卡" />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
