import type { ReminderRuleView } from '@member-commerce/shared';
import { messageFieldLabel, storefrontPageLabel } from '@member-commerce/shared';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listReminderRules, updateReminderRule } from '../../api/reminders';
import { useAuth } from '../../auth/auth-context';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { formatTime } from '../../format';
import { offsetLabel } from './offset-label';
import { toStaffText } from './staff-text';
import { RuleFormModal } from './rule-form-modal';

export function RulesTab() {
  const { can } = useAuth();
  const editable = can('reminders.write');
  const rules = useAsync(listReminderRules, []);
  const [editing, setEditing] = useState<{ rule?: ReminderRuleView } | null>(null);

  async function toggle(rule: ReminderRuleView, enabled: boolean) {
    try {
      await updateReminderRule(rule.id, { enabled });
      showSuccess(enabled ? '规则已启用' : '规则已停用');
      await rules.reload();
    } catch (e) {
      showError(e);
    }
  }

  const columns: TableColumnsType<ReminderRuleView> = [
    { title: '名称', dataIndex: 'name', width: 170 },
    {
      title: '发送时机',
      dataIndex: 'offsetDays',
      width: 120,
      render: (days: number, rule) => (rule.kind === 'GRACE' ? '自动续费扣款失败时' : offsetLabel(days)),
    },
    {
      title: '消息内容',
      dataIndex: 'fields',
      width: 360,
      render: (fields: Record<string, string>) => (
        <Flex vertical gap={2}>
          {Object.entries(fields).map(([key, text]) => (
            <Typography.Text key={key}>
              <Typography.Text type="secondary">{messageFieldLabel(key)}：</Typography.Text>
              {toStaffText(text)}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: '模板',
      dataIndex: 'templateId',
      ellipsis: true,
      render: (id: string, rule) =>
        rule.customTemplate ? <Typography.Text code>{id}</Typography.Text> : <Tag title={id}>店铺默认模板</Tag>,
    },
    { title: '打开页面', dataIndex: 'page', width: 200, render: (page: string) => storefrontPageLabel(page) },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 80,
      render: (enabled: boolean, rule) => <Switch checked={enabled} disabled={!editable} onChange={(checked) => toggle(rule, checked)} />,
    },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: formatTime },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, rule) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => setEditing({ rule })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <>
      {editable ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新建规则
          </Button>
        </Flex>
      ) : null}
      <Table<ReminderRuleView> rowKey="id" loading={rules.loading} dataSource={rules.data} columns={columns} pagination={false} />
      <RuleFormModal
        open={editing !== null}
        rule={editing?.rule}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void rules.reload();
        }}
      />
    </>
  );
}
