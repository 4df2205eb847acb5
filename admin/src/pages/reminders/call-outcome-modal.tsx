import type { CallListEntry, CallOutcome } from '@member-commerce/shared';
import { Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { recordCall } from '../../api/reminders';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';
import { CALL_OUTCOME } from '../../labels';

interface FormValues {
  outcome: CallOutcome;
  note?: string;
}

export function CallOutcomeModal({ member, onClose, onSaved }: { member: CallListEntry | null; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (member) form.resetFields();
  }, [member, form]);

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      await recordCall({ customerId: member!.customerId, outcome: values.outcome, note: values.note?.trim() ?? '' });
      showSuccess('回访已记录');
      onSaved();
    });
  }

  return (
    <Modal
      title={`记录回访：${member?.nickname || '微信用户'}`}
      open={member !== null}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical">
        <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择回访结果' }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(CALL_OUTCOME) as CallOutcome[]).map((outcome) => ({ value: outcome, label: CALL_OUTCOME[outcome].text }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} placeholder="如：月底发工资后续费" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
