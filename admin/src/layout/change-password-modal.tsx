import { Form, Input, Modal } from 'antd';
import { useAuth } from '../auth/auth-context';
import { showSuccess } from '../feedback';
import { useSaving } from '../hooks/use-saving';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in staff member changes their own password; other sessions of the account stop working. */
export function ChangePasswordModal({ open, forced = false, onClose }: { open: boolean; forced?: boolean; onClose(): void }) {
  const [form] = Form.useForm<PasswordForm>();
  const { changePassword } = useAuth();
  const { saving, run } = useSaving();

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      await changePassword(values.currentPassword, values.newPassword);
      showSuccess('密码已修改，其他设备上的登录已失效');
      form.resetFields();
      onClose();
    });
  }

  return (
    <Modal
      title={forced ? '管理员已重置你的密码，请设置新密码' : '修改密码'}
      open={open}
      onCancel={onClose}
      onOk={save}
      okText="保存"
      confirmLoading={saving}
      closable={!forced}
      maskClosable={!forced}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      <Form<PasswordForm> form={form} layout="vertical" autoComplete="off">
        <Form.Item name="currentPassword" label={forced ? '临时密码' : '当前密码'} rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, min: 8, max: 128, message: '8–128 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再输入一次新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
