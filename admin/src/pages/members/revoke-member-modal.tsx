import type { AdminMemberView } from '@member-commerce/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { revokeMember } from '../../api/members';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

export function RevokeMemberModal({
  member,
  onClose,
  onDone,
}: {
  member?: AdminMemberView;
  onClose(): void;
  onDone(member: AdminMemberView): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (member) form.resetFields();
  }, [member, form]);

  async function submit() {
    if (!member) return;
    const { reason } = await form.validateFields();
    await run(async () => {
      const updated = await revokeMember(member.membershipId, { reason: reason.trim() });
      showSuccess(`已撤销 ${member.nickname} 的会员资格`);
      onDone(updated);
    });
  }

  return (
    <Modal
      title={`撤销会员：${member?.nickname ?? ''}`}
      open={Boolean(member)}
      onCancel={onClose}
      onOk={submit}
      okText="确认撤销"
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="撤销后会员价与各项权益立即失效，且不会自动退款；如需退款请在订单中操作。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="原因（记入操作日志）"
          rules={[{ required: true, min: 2, max: 255, message: '请填写 2–255 字的原因' }]}
        >
          <Input.TextArea rows={2} placeholder="如：恶意刷单" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
