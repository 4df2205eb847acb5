import type { CreateReminderRuleRequest, ReminderRuleView } from '@member-commerce/shared';
import { checkMessageFields, FIELD_KINDS, fieldKind, fillPlaceholders, MESSAGE_PLACEHOLDERS } from '@member-commerce/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { createReminderRule, updateReminderRule } from '../../api/reminders';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';
import { offsetLabel } from './offset-label';

interface FieldRow {
  key: string;
  text: string;
}

interface FormValues {
  name: string;
  offsetDays: number;
  templateId?: string;
  page: string;
  enabled: boolean;
  fields: FieldRow[];
}

interface Props {
  open: boolean;
  rule?: ReminderRuleView;
  onClose(): void;
  onSaved(): void;
}

const DEFAULT_FIELDS: FieldRow[] = [
  { key: 'thing1', text: '{tierName}即将到期' },
  { key: 'time2', text: '{termEnd}' },
  { key: 'thing3', text: '还剩{daysLeft}天，续费不丢天数' },
];

const toRecord = (rows: FieldRow[] = []) =>
  Object.fromEntries(rows.filter((row) => row?.key).map((row) => [row.key.trim(), row.text ?? '']));

/** One field row: WeChat's limit for its kind and the text as a member would see it (sample values). */
function FieldHint({ row }: { row?: FieldRow }) {
  const kind = row?.key ? fieldKind(row.key.trim()) : undefined;
  if (!row?.key) return null;
  if (!kind) return <Typography.Text type="danger">字段名需为微信模板字段，如 thing1、time2</Typography.Text>;
  const preview = fillPlaceholders(row.text ?? '', MESSAGE_PLACEHOLDERS);
  const over = [...preview].length > FIELD_KINDS[kind].maxLength;
  return (
    <Typography.Text type={over ? 'danger' : 'secondary'}>
      {kind} {FIELD_KINDS[kind].hint} · 预览「{preview}」{[...preview].length} 字
    </Typography.Text>
  );
}

export function RuleFormModal({ open, rule, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();
  const rows = Form.useWatch('fields', form);
  const offset = Form.useWatch('offsetDays', form);
  const problems = checkMessageFields(toRecord(rows));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        name: rule.name,
        offsetDays: rule.offsetDays,
        templateId: rule.customTemplate ? rule.templateId : undefined,
        page: rule.page,
        enabled: rule.enabled,
        fields: Object.entries(rule.fields).map(([key, text]) => ({ key, text })),
      });
    }
  }, [open, rule, form]);

  async function save() {
    const values = await form.validateFields();
    const body: CreateReminderRuleRequest = {
      name: values.name.trim(),
      offsetDays: values.offsetDays,
      templateId: values.templateId?.trim() || null,
      page: values.page.trim(),
      enabled: values.enabled,
      fields: toRecord(values.fields),
    };
    await run(async () => {
      if (rule) await updateReminderRule(rule.id, body);
      else await createReminderRule(body);
      showSuccess('提醒规则已保存');
      onSaved();
    });
  }

  return (
    <Modal
      title={rule ? '编辑提醒规则' : '新建提醒规则'}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okButtonProps={{ disabled: problems.length > 0 }}
      width={680}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ offsetDays: -7, page: 'pages/membership/index', enabled: true, fields: DEFAULT_FIELDS }}
      >
        <Flex gap={16}>
          <Form.Item name="name" label="名称" rules={[{ required: true, max: 64 }]} style={{ flex: 1 }}>
            <Input placeholder="如：到期前7天" />
          </Form.Item>
          <Form.Item
            name="offsetDays"
            label="发送日（相对到期日，负数为到期前）"
            rules={[{ required: true, type: 'number', min: -366, max: 366 }]}
            extra={typeof offset === 'number' ? offsetLabel(offset) : null}
          >
            <InputNumber addonAfter="天" precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item name="templateId" label="订阅消息模板 ID" extra="留空使用店铺默认续费模板" rules={[{ max: 64 }]} style={{ flex: 1 }}>
            <Input placeholder="默认模板" />
          </Form.Item>
          <Form.Item
            name="page"
            label="点击跳转页面"
            rules={[
              {
                required: true,
                max: 255,
                pattern: /^[A-Za-z0-9_\-/]+(\?[\x21-\x7e]*)?$/,
                message: '小程序页面路径，如 pages/membership/index',
              },
            ]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Typography.Text strong>消息字段</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
          可用占位符：{'{tierName}'} 会员卡名称、{'{termEnd}'} 到期时间、{'{daysLeft}'} 剩余天数。按微信限制检查：thing ≤ 20 字、phrase ≤ 5
          个汉字、time/date 为日期时间。
        </Typography.Paragraph>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <div key={item.key} style={{ marginBottom: 8 }}>
                  <Flex gap={8} align="start">
                    <Form.Item
                      name={[item.name, 'key']}
                      rules={[{ required: true, message: '字段名' }]}
                      style={{ width: 150, marginBottom: 0 }}
                    >
                      <Input placeholder="thing1" />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'text']}
                      rules={[{ required: true, message: '内容' }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除字段" onClick={() => remove(item.name)} />
                  </Flex>
                  <FieldHint row={rows?.[item.name]} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', text: '' })} disabled={items.length >= 10}>
                添加字段
              </Button>
            </>
          )}
        </Form.List>
        {problems.length > 0 && rows ? (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message="微信会拒绝这些字段"
            description={problems.map((p) => (p.key ? `${p.key}：${p.message}` : p.message)).join('；')}
          />
        ) : null}
      </Form>
    </Modal>
  );
}
