import type { BenefitType, BenefitView, CreateBenefitRequest } from '@member-commerce/shared';
import { Divider, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { createBenefit, updateBenefit } from '../../api/benefits';
import { showSuccess } from '../../feedback';
import { BENEFIT_TYPE, optionsOf } from '../../labels';
import { useSaving } from '../../hooks/use-saving';
import { BenefitConfigFields, configToForm, formToConfig, type ConfigFormValues } from './benefit-config-fields';

interface FormValues extends ConfigFormValues {
  type: BenefitType;
  title: string;
  description?: string;
  icon?: string;
}

/** Icons the storefront maps to pictures, by what they show. */
export const BENEFIT_ICONS: { value: string; label: string }[] = [
  { value: 'price', label: '价签' },
  { value: 'gift', label: '礼物' },
  { value: 'clock', label: '时钟' },
  { value: 'trophy', label: '奖杯' },
  { value: 'truck', label: '货车' },
  { value: 'coupon', label: '优惠券' },
  { value: 'service', label: '客服' },
  { value: 'star', label: '星标' },
];

const DEFAULTS: ConfigFormValues = { hours: 48, validDays: 30, quantity: 1, perMonth: false, thresholdYuan: 0 };

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
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (benefit)
      form.setFieldsValue({
        ...DEFAULTS,
        ...benefit,
        ...Object.fromEntries(Object.entries(configToForm(benefit)).filter(([, v]) => v !== undefined)),
      });
    else form.setFieldsValue({ ...DEFAULTS, type: 'SERVICE', icon: 'star' });
  }, [open, benefit, form]);

  async function save() {
    // An invalid form shows its messages in place; nothing to send.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const body: CreateBenefitRequest = {
      type: values.type,
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      icon: values.icon,
      config: formToConfig(values.type, values),
    };
    await run(async () => {
      if (benefit) await updateBenefit(benefit.id, { ...body, config: body.config ?? {} });
      else await createBenefit(body);
      showSuccess('权益已保存');
      onSaved();
    });
  }

  return (
    <Modal
      title={benefit ? '编辑权益' : '新建权益'}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      <Form<FormValues> form={form} layout="vertical">
        <Form.Item name="type" label="类型" rules={[{ required: true }]}>
          <Select options={optionsOf(BENEFIT_TYPE)} data-testid="benefit-type" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, max: 64 }]}>
          <Input placeholder="如：专属客服" />
        </Form.Item>
        <Form.Item name="description" label="说明（展示在会员卡页）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="icon" label="图标">
          <Select options={BENEFIT_ICONS} />
        </Form.Item>
        <Divider orientation="left" plain>
          {type ? `${BENEFIT_TYPE[type].text}设置` : '设置'}
        </Divider>
        <BenefitConfigFields type={type} />
      </Form>
    </Modal>
  );
}
