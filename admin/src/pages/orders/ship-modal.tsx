import type { AdminOrderView, ShipOrderRequest } from '@member-commerce/shared';
import { CARRIER_CODES, CARRIERS, TRACKING_NO_PATTERN } from '@member-commerce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { shipOrder } from '../../api/orders';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface Props {
  order?: AdminOrderView;
  onClose(): void;
  onDone(): void;
  /** Correct a shipped order's courier or tracking number instead of shipping it (WeChat allows one change). */
  change?: (shipment: ShipOrderRequest) => Promise<void>;
}

/** Hands a paid order to a courier: the company and its tracking number, which the customer then sees. */
export function ShipModal({ order, onClose, onDone, change }: Props) {
  const [form] = Form.useForm<ShipOrderRequest>();
  const { saving, run } = useSaving();

  async function submit() {
    if (!order) return;
    const values = await form.validateFields();
    await run(async () => {
      const shipment = { carrier: values.carrier, trackingNo: values.trackingNo.trim() };
      if (change) await change(shipment);
      else await shipOrder(order.id, shipment);
      showSuccess(change ? '物流信息已修改' : '已发货');
      onDone();
    });
  }

  return (
    <Modal
      title={`${change ? '修改物流' : '发货'}：${order?.outTradeNo ?? ''}`}
      open={Boolean(order)}
      onCancel={onClose}
      onOk={submit}
      okText={change ? '确认修改' : '确认发货'}
      confirmLoading={saving}
      destroyOnHidden
    >
      {change ? <p style={{ color: '#d46b08' }}>微信对每笔支付只允许修改一次发货信息，修改后不能再改。</p> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ carrier: order?.shipment?.carrier ?? 'SF', trackingNo: change ? order?.shipment?.trackingNo : undefined }}
      >
        <Form.Item name="carrier" label="快递公司" rules={[{ required: true, message: '请选择快递公司' }]}>
          <Select options={CARRIER_CODES.map((code) => ({ value: code, label: CARRIERS[code] }))} data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label="快递单号"
          rules={[{ required: true, pattern: TRACKING_NO_PATTERN, message: '6–40 位字母、数字或 -' }]}
        >
          <Input placeholder="如 SF1234567890" data-testid="ship-tracking" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
