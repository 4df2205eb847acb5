import type { BenefitView, CreateMilestoneRequest, GiftPackView, MilestoneView } from '@member-commerce/shared';
import { yuanToFen } from '@member-commerce/shared';
import { Form, Input, Modal, Select } from 'antd';
import { lifecycleSuffix } from '../../labels';
import { useEffect } from 'react';
import { createMilestone, updateMilestone } from '../../api/milestones';
import { YuanInput } from '../../components/yuan-input';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';

interface FormValues {
  thresholdYuan: number;
  title: string;
  description?: string;
  giftPackId?: number | null;
  benefitIds?: number[];
}

interface Props {
  open: boolean;
  milestone?: MilestoneView;
  giftPacks: GiftPackView[];
  benefits: BenefitView[];
  onClose(): void;
  onSaved(): void;
}

export function MilestoneFormModal({ open, milestone, giftPacks, benefits, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (milestone) {
      form.setFieldsValue({
        thresholdYuan: milestone.thresholdFen / 100,
        title: milestone.title,
        description: milestone.description,
        giftPackId: milestone.giftPackId ?? milestone.giftPack?.id ?? null,
        benefitIds: milestone.benefits.map((benefit) => benefit.id),
      });
    }
  }, [open, milestone, form]);

  async function save() {
    const values = await form.validateFields();
    const body: CreateMilestoneRequest = {
      thresholdFen: yuanToFen(values.thresholdYuan),
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      giftPackId: values.giftPackId ?? null,
      benefitIds: values.benefitIds ?? [],
    };
    await run(async () => {
      if (milestone) await updateMilestone(milestone.id, body);
      else await createMilestone(body);
      showSuccess('里程碑已保存');
      onSaved();
    });
  }

  return (
    <Modal
      title={milestone ? '编辑里程碑' : '新建里程碑'}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical">
        <Form.Item name="thresholdYuan" label="累计消费门槛（元）" rules={[{ required: true, type: 'number', min: 0.01 }]}>
          <YuanInput placeholder="5000" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, max: 64 }]}>
          <Input placeholder="如：消费满 5000 元礼包" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="giftPackId" label="奖励礼包">
          <Select
            allowClear
            placeholder="不送礼包"
            options={giftPacks.map((pack) => ({
              value: pack.id,
              label: `${pack.name}${lifecycleSuffix(pack.status)}`,
              disabled: pack.status === 'ARCHIVED',
            }))}
          />
        </Form.Item>
        <Form.Item name="benefitIds" label="奖励权益">
          <Select
            mode="multiple"
            allowClear
            options={benefits.map((benefit) => ({
              value: benefit.id,
              label: `${benefit.title}${lifecycleSuffix(benefit.status)}`,
              disabled: benefit.status === 'ARCHIVED',
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
