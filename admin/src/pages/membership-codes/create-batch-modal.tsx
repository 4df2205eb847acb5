import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { listTiers } from '../../api/tiers';
import { createCodeBatch } from '../../api/membership-codes';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';

interface Values {
  tierId: number;
  count: number;
  validUntil: Dayjs;
  note?: string;
}

/** A new batch: which tier, how many codes, valid until the end of which day, and the channel. */
export function CreateBatchModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const tiers = useAsync(async () => (open ? listTiers() : []), [open]);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await createCodeBatch({
        tierId: values.tierId,
        count: values.count,
        validUntil: values.validUntil.endOf('day').toISOString(),
        note: values.note?.trim() || undefined,
      });
      showSuccess(`已生成 ${created.count} 个兑换码，可在列表中导出`);
      form.resetFields();
      onCreated();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title="新建兑换码批次" open={open} onCancel={onClose} onOk={submit} okText="生成" confirmLoading={saving} destroyOnClose>
      <Form form={form} layout="vertical" initialValues={{ count: 100, validUntil: dayjs().add(6, 'month') }}>
        <Form.Item name="tierId" label="会员卡" rules={[{ required: true, message: '请选择会员卡' }]}>
          <Select
            placeholder="兑换后获得哪张会员卡"
            loading={tiers.loading}
            options={(tiers.data ?? [])
              .filter((tier) => tier.status !== 'ARCHIVED')
              .map((tier) => ({ value: tier.id, label: tier.status === 'ACTIVE' ? tier.name : `${tier.name}（未上架）` }))}
          />
        </Form.Item>
        <Form.Item name="count" label="数量" rules={[{ required: true, message: '请输入数量' }]}>
          <InputNumber min={1} max={10000} precision={0} addonAfter="个" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至（当天 23:59 止）" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="渠道 / 备注">
          <Input maxLength={200} placeholder="如：2027 年会、合作渠道 A" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
