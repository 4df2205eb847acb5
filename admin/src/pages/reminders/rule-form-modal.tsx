import type { CreateReminderRuleRequest, ReminderRuleView } from '@member-commerce/shared';
import {
  checkMessageFields,
  FIELD_KINDS,
  fieldKind,
  fillPlaceholders,
  MESSAGE_PLACEHOLDERS,
  messageFieldLabel,
  pagePath,
  Routes,
  STOREFRONT_PAGES,
} from '@member-commerce/shared';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { createReminderRule, updateReminderRule } from '../../api/reminders';
import { showSuccess } from '../../feedback';
import { useSaving } from '../../hooks/use-saving';
import { offsetLabel } from './offset-label';
import { RulePreview } from './rule-preview';
import { fromStaffText, placeholdersFor, toStaffText } from './staff-text';

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
  { key: 'thing1', text: '【会员卡名称】即将到期' },
  { key: 'time2', text: '【到期时间】' },
  { key: 'thing3', text: '还剩【剩余天数】天，续费不丢天数' },
];

/** The form's rows as the server stores them (placeholders back to `{name}`). */
const toRecord = (rows: FieldRow[] = []) =>
  Object.fromEntries(rows.filter((row) => row?.key).map((row) => [row.key.trim(), fromStaffText(row.text ?? '')]));

/** One field row: WeChat's limit for its kind, counted on the text as a member would see it (sample values). */
function FieldHint({ row }: { row?: FieldRow }) {
  const kind = row?.key ? fieldKind(row.key.trim()) : undefined;
  if (!row?.key) return null;
  if (!kind) return <Typography.Text type="danger">模板字段名不正确（在微信公众平台的模板详情中查看）</Typography.Text>;
  const preview = fillPlaceholders(fromStaffText(row.text ?? ''), MESSAGE_PLACEHOLDERS);
  const over = [...preview].length > FIELD_KINDS[kind].maxLength;
  return (
    <Typography.Text type={over ? 'danger' : 'secondary'}>
      {FIELD_KINDS[kind].hint} · 现为 {[...preview].length} 字
    </Typography.Text>
  );
}

export function RuleFormModal({ open, rule, onClose, onSaved }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { saving, run } = useSaving();
  const rows = Form.useWatch('fields', form);
  const offset = Form.useWatch('offsetDays', form);
  const problems = checkMessageFields(toRecord(rows));
  const kind = rule?.kind ?? 'RENEWAL';
  const customTemplate = Boolean(Form.useWatch('templateId', form)?.trim());

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
        fields: Object.entries(rule.fields).map(([key, text]) => ({ key, text: toStaffText(text) })),
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
        initialValues={{ offsetDays: -7, page: pagePath(Routes.membership), enabled: true, fields: DEFAULT_FIELDS }}
      >
        <Flex gap={16}>
          <Form.Item name="name" label="名称" rules={[{ required: true, max: 64 }]} style={{ flex: 1 }}>
            <Input placeholder="如：到期前7天" />
          </Form.Item>
          <Form.Item
            hidden={kind === 'GRACE'}
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
          <Form.Item name="page" label="点击消息打开" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              options={[
                ...STOREFRONT_PAGES.map((page) => ({ value: page.path, label: page.label })),
                ...(rule && !STOREFRONT_PAGES.some((page) => page.path === rule.page)
                  ? [{ value: rule.page, label: '其他小程序页面（保持不变）' }]
                  : []),
              ]}
            />
          </Form.Item>
        </Flex>
        <Typography.Text strong>消息字段</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 8px' }}>
          每一行是模板里的一项，会员在微信里看到「项目名：内容」。内容里的【】会换成每位会员自己的信息，可插入：
          {placeholdersFor(kind)
            .map((p) => `【${p.label}】`)
            .join('、')}
          。已开通自动续费的会员会收到自动续费版本（见下方预览）。
        </Typography.Paragraph>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <div key={item.key} style={{ marginBottom: 8 }}>
                  <Flex gap={8} align="start">
                    <Form.Item
                      name={[item.name, 'key']}
                      hidden={!customTemplate}
                      rules={[{ required: true, message: '模板字段' }]}
                      style={{ width: 150, marginBottom: 0 }}
                    >
                      <Input placeholder="模板字段" />
                    </Form.Item>
                    <Typography.Text style={{ width: 90, lineHeight: '32px' }}>
                      {messageFieldLabel(rows?.[item.name]?.key ?? '')}
                    </Typography.Text>
                    <Form.Item
                      name={[item.name, 'text']}
                      rules={[{ required: true, message: '内容' }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input />
                    </Form.Item>
                    {customTemplate ? (
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除字段" onClick={() => remove(item.name)} />
                    ) : null}
                  </Flex>
                  <FieldHint row={rows?.[item.name]} />
                </div>
              ))}
              {customTemplate ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', text: '' })} disabled={items.length >= 10}>
                  添加字段
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
        {problems.length > 0 && rows ? (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message="微信会拒绝这些字段"
            description={problems.map((p) => (p.key ? `${messageFieldLabel(p.key)}：${p.message}` : p.message)).join('；')}
          />
        ) : null}
        {problems.length === 0 && rows ? (
          <RulePreview kind={kind} offsetDays={typeof offset === 'number' ? offset : -7} fields={toRecord(rows)} />
        ) : null}
      </Form>
    </Modal>
  );
}
