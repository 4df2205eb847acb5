import type { StaffSummary } from '@member-commerce/shared';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { resetStaffPassword } from '../../api/staff';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

/** Admin resets a staff member's password: one they type, or a temporary one shown here once. */
export function ResetPasswordModal({ account, onClose }: { account?: StaffSummary; onClose(): void }) {
  const [form] = Form.useForm<{ password?: string }>();
  const { saving, run } = useSaving();
  const [temporary, setTemporary] = useState<string | null>(null);

  async function save() {
    if (temporary) return close();
    const { password } = await form.validateFields();
    await run(async () => {
      const reset = await resetStaffPassword(account!.id, password ? { password } : {});
      showSuccess(`已重置 ${account!.username} 的密码，其登录已失效`);
      if (reset.temporaryPassword) setTemporary(reset.temporaryPassword);
      else close();
    });
  }
  function close() {
    setTemporary(null);
    form.resetFields();
    onClose();
  }

  return (
    <Modal
      title={account ? `重置 ${account.username} 的密码` : ''}
      open={Boolean(account)}
      onCancel={close}
      onOk={save}
      okText={temporary ? '我已记下' : '重置'}
      confirmLoading={saving}
      destroyOnHidden
    >
      {temporary ? (
        <Alert
          type="warning"
          showIcon
          message="临时密码只显示这一次，请当面或私下交给对方"
          description={
            <Typography.Paragraph copyable={{ text: temporary }} style={{ margin: 0 }} data-testid="temporary-password">
              <code style={{ fontSize: 18 }}>{temporary}</code>
            </Typography.Paragraph>
          }
        />
      ) : (
        <Form form={form} layout="vertical" autoComplete="off">
          <p>重置后对方已登录的会话立即失效，下次登录时须设置自己的新密码。</p>
          <Form.Item name="password" label="新密码（留空则生成一次性临时密码）" rules={[{ min: 8, max: 128, message: '8–128 位' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
