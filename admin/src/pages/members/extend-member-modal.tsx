import type { AdminMemberView } from '@member-commerce/shared';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { extendMember } from '../../api/members';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface Props {
  member?: AdminMemberView;
  /** Support may extend by at most 30 days; others up to the server's limit. */
  maxDays: number;
  onClose(): void;
  onDone(member: AdminMemberView): void;
}

export function ExtendMemberModal({ member, maxDays, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const { saving, run } = useSaving();
  const days = Form.useWatch('days', form);

  useEffect(() => {
    if (member) form.setFieldsValue({ days: Math.min(7, maxDays), reason: '' });
  }, [member, maxDays, form]);

  async function submit() {
    if (!member) return;
    const values = await form.validateFields();
    await run(async () => {
      const updated = await extendMember(member.membershipId, { days: values.days, reason: values.reason.trim() });
      showSuccess(`已为 ${member.nickname} 延期 ${values.days} 天`);
      onDone(updated);
    });
  }

  const base = member?.termEnd && dayjs(member.termEnd).isAfter(dayjs()) ? dayjs(member.termEnd) : dayjs();
  return (
    <Modal
      title={`延期会员：${member?.nickname ?? ''}`}
      open={Boolean(member)}
      onCancel={onClose}
      onOk={submit}
      okText="确认延期"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="days"
          label="延期天数"
          rules={[{ required: true, type: 'number', min: 1, max: maxDays, message: `1–${maxDays} 天` }]}
        >
          <InputNumber min={1} max={maxDays} precision={0} suffix="天" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="原因（记入操作日志）"
          rules={[{ required: true, min: 2, max: 255, message: '请填写 2–255 字的原因' }]}
        >
          <Input.TextArea rows={2} placeholder="如：物流延误补偿" />
        </Form.Item>
      </Form>
      {days ? <Alert type="info" showIcon message={`延期后到期时间约为 ${base.add(days, 'day').format('YYYY-MM-DD HH:mm')}`} /> : null}
    </Modal>
  );
}
