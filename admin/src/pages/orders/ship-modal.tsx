import type { AdminOrderView } from '@member-commerce/shared';
import { CARRIER_CODES, CARRIERS } from '@member-commerce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { shipOrder } from '../../api/orders';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface FormValues {
  carrier: string;
  trackingNo: string;
}

/** Hands a paid order to a courier: the company and its tracking number, which the customer then sees. */
export function ShipModal({ order, onClose, onDone }: { order?: AdminOrderView; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();

  async function submit() {
    if (!order) return;
    const values = await form.validateFields();
    await run(async () => {
      await shipOrder(order.id, { carrier: values.carrier, trackingNo: values.trackingNo.trim() });
      showSuccess('已发货');
      onDone();
    });
  }

  return (
    <Modal title={`发货：${order?.outTradeNo ?? ''}`} open={Boolean(order)} onCancel={onClose} onOk={submit} okText="确认发货" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ carrier: 'SF' }}>
        <Form.Item name="carrier" label="快递公司" rules={[{ required: true, message: '请选择快递公司' }]}>
          <Select options={CARRIER_CODES.map((code) => ({ value: code, label: CARRIERS[code] }))} data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item
          name="trackingNo"
          label="快递单号"
          rules={[{ required: true, pattern: /^[A-Za-z0-9-]{6,40}$/, message: '6–40 位字母、数字或 -' }]}
        >
          <Input placeholder="如 SF1234567890" data-testid="ship-tracking" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
