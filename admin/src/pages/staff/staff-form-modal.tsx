import type { CreateStaffRequest } from '@member-commerce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { createStaff } from '../../api/staff';
import { ROLE_LABELS } from '../../auth/permissions';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((role) => ({
  value: role,
  label: `${ROLE_LABELS[role]}（${role}）`,
}));

export function StaffFormModal({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<CreateStaffRequest>();
  const { saving, run } = useSaving();

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      await createStaff({ ...values, username: values.username.trim() });
      showSuccess('员工账号已创建');
      form.resetFields();
      onSaved();
    });
  }

  return (
    <Modal title="新建员工账号" open={open} onCancel={onClose} onOk={save} confirmLoading={saving} destroyOnHidden>
      <Form<CreateStaffRequest> form={form} layout="vertical" initialValues={{ role: 'operator' }} autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、_ . -' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 8, message: '至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
