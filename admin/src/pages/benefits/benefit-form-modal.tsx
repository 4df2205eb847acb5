import type { BenefitType, BenefitView, CreateBenefitRequest } from '@member-commerce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { createBenefit, updateBenefit } from '../../api/benefits';
import { showSuccess } from '../../feedback';
import { BENEFIT_TYPE, optionsOf } from '../../labels';
import { useSaving } from '../../hooks/use-saving';

interface FormValues {
  type: BenefitType;
  title: string;
  description?: string;
  icon?: string;
  /** Type-specific settings as JSON text, e.g. {"hours": 48}. */
  configText?: string;
}

/** Icon names the storefront maps to icons. */
const ICONS = ['price', 'gift', 'clock', 'trophy', 'truck', 'coupon', 'service', 'star'];

function parseConfig(text?: string): Record<string, unknown> | undefined {
  if (!text?.trim()) return undefined;
  return JSON.parse(text) as Record<string, unknown>;
}

export function BenefitFormModal({
  open,
  benefit,
  onClose,
  onSaved,
}: {
  open: boolean;
  benefit?: BenefitView;
  onClose(): void;
  onSaved(): void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (benefit) {
      form.setFieldsValue({ ...benefit, configText: benefit.config ? JSON.stringify(benefit.config) : '' });
    }
  }, [open, benefit, form]);

  async function save() {
    const { configText, ...values } = await form.validateFields();
    const body: CreateBenefitRequest = { ...values, config: parseConfig(configText) };
    await run(async () => {
      if (benefit) await updateBenefit(benefit.id, body);
      else await createBenefit(body);
      showSuccess('权益已保存');
      onSaved();
    });
  }

  return (
    <Modal title={benefit ? '编辑权益' : '新建权益'} open={open} onCancel={onClose} onOk={save} confirmLoading={saving} destroyOnHidden>
      <Form<FormValues> form={form} layout="vertical" initialValues={{ type: 'SERVICE', icon: 'star' }}>
        <Form.Item name="type" label="类型" rules={[{ required: true }]}>
          <Select options={optionsOf(BENEFIT_TYPE)} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, max: 64 }]}>
          <Input placeholder="如：专属客服" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="icon" label="图标">
          <Select options={ICONS.map((icon) => ({ value: icon, label: icon }))} />
        </Form.Item>
        <Form.Item
          name="configText"
          label="配置（JSON，可选）"
          tooltip='如优先购：{"hours": 48}；专属客服：{"phone": "400-820-8820", "wechatId": "mc-butler"}（H5 显示电话与微信号，小程序打开微信客服）'
          rules={[
            {
              validator: async (_, text?: string) => {
                parseConfig(text);
              },
              message: '不是合法的 JSON',
            },
          ]}
        >
          <Input.TextArea rows={2} placeholder='{"hours": 48}' />
        </Form.Item>
      </Form>
    </Modal>
  );
}
