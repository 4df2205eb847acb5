import type { ReturnAddressView } from '@member-commerce/shared';
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { getReturnAddress, updateReturnAddress } from '../../api/after-sales';
import { useAuth } from '../../auth/auth-context';
import { showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { useSaving } from '../../hooks/use-saving';

/** The shop's return address: what a customer is shown when their return is approved (admin and operator edit it). */
export function ReturnAddressCard() {
  const { can } = useAuth();
  const setting = useAsync(getReturnAddress, []);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ReturnAddressView>();
  const { saving, run } = useSaving();
  const current = setting.data?.returnAddress;

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      await updateReturnAddress(values);
      showSuccess('退货地址已保存');
      setEditing(false);
      await setting.reload();
    });
  }

  const edit = can('catalog.write') ? (
    <Button
      size="small"
      onClick={() => {
        form.setFieldsValue(current ?? { name: '', phone: '', address: '' });
        setEditing(true);
      }}
      data-testid="edit-return-address"
    >
      {current ? '修改' : '设置退货地址'}
    </Button>
  ) : null;

  return (
    <>
      {setting.data && !current ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          message="还没有设置退货地址：同意退货前请先设置，顾客会在退货时看到它。"
          action={edit}
        />
      ) : null}
      {current ? (
        <Card size="small" style={{ marginBottom: 16 }} title="退货地址" extra={edit} data-testid="return-address">
          <Typography.Text copyable={{ text: `${current.name} ${current.phone} ${current.address}` }}>
            {current.name} {current.phone} · {current.address}
          </Typography.Text>
        </Card>
      ) : null}
      <Modal
        open={editing}
        title="退货地址"
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={save}
        onCancel={() => setEditing(false)}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label="收件人" rules={[{ required: true, max: 40, message: '请填写收件人' }]}>
            <Input placeholder="如：王仓管" />
          </Form.Item>
          <Form.Item name="phone" label="联系电话" rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/, message: '请填写正确的电话' }]}>
            <Input placeholder="手机或座机" />
          </Form.Item>
          <Form.Item
            name="address"
            label="详细地址"
            rules={[{ required: true, min: 5, max: 200, message: '请填写完整地址（省市区与街道门牌）' }]}
          >
            <Input.TextArea rows={2} placeholder="省市区 + 街道门牌" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
