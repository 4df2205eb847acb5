import type { CodeBatchView } from '@member-commerce/shared';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { voidCode, voidCodeBatch } from '../../api/membership-codes';
import { showError, showSuccess } from '../../feedback';

export type VoidTarget = { kind: 'batch'; batch: CodeBatchView } | { kind: 'code' };

/** Voids a whole batch (its unredeemed codes) or one code; a reason is required and audited. */
export function VoidModal({ target, onClose, onDone }: { target: VoidTarget | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ code?: string; reason: string }>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (target?.kind === 'batch') {
        const view = await voidCodeBatch(target.batch.id, values.reason.trim());
        showSuccess(`已作废 ${view.voided} 个未兑换的兑换码`);
      } else {
        await voidCode(values.code!.trim(), values.reason.trim());
        showSuccess('兑换码已作废');
      }
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={target?.kind === 'batch' ? `作废批次 ${target.batch.id}` : '作废单个兑换码'}
      open={target !== null}
      onCancel={onClose}
      onOk={submit}
      okText="作废"
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnClose
    >
      {target?.kind === 'batch' ? (
        <Typography.Paragraph type="secondary">
          批次中尚未兑换的 {target.batch.open + target.batch.expired} 个兑换码将无法再使用；已兑换的 {target.batch.redeemed} 个不受影响。
        </Typography.Paragraph>
      ) : (
        <Form.Item label="兑换码" required style={{ marginBottom: 0 }} />
      )}
      <Form form={form} layout="vertical">
        {target?.kind === 'code' ? (
          <Form.Item name="code" rules={[{ required: true, message: '请输入兑换码' }]}>
            <Input placeholder="XXXX-XXXX-XXXX-XXXX" />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写原因（至少 2 个字）' }]}>
          <Input maxLength={255} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
