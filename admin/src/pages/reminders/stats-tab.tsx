import type { CallOutcomeStats, ReminderRuleStats } from '@member-commerce/shared';
import { subscribeMessageErrorText } from '@member-commerce/shared';
import { CALL_OUTCOME } from '../../labels';
import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { callOutcomeStats, reminderStats, runReminders } from '../../api/reminders';
import { useAuth } from '../../auth/auth-context';
import { EnumTag } from '../../components/enum-tag';
import { showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { useSaving } from '../../hooks/use-saving';
import { offsetLabel } from './offset-label';

const rate = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

/** Failed reminders by error code; 43101 is WeChat's "no subscription left". */
function FailedCell({ row }: { row: ReminderRuleStats }) {
  if (!row.failed) return <>0</>;
  const codes = Object.entries(row.failedByCode);
  return (
    <Tooltip title={codes.map(([code, count]) => `${subscribeMessageErrorText(code)}（${code}）：${count} 条`).join('；')}>
      <Flex gap={4} wrap="wrap" justify="end">
        {row.failed}
        {codes.map(([code, count]) => (
          <Tag key={code} color="red" style={{ marginInlineEnd: 0 }}>
            {code}×{count}
          </Tag>
        ))}
      </Flex>
    </Tooltip>
  );
}

export function StatsTab() {
  const { can } = useAuth();
  const stats = useAsync(reminderStats, []);
  const calls = useAsync(callOutcomeStats, []);
  const { saving, run } = useSaving();

  async function runNow() {
    await run(async () => {
      const result = await runReminders();
      showSuccess(
        `已运行：应发 ${result.due}，发送 ${result.sent}，站内提醒 ${result.inApp}，无授权 ${result.skipped}，失败 ${result.failed}`,
      );
      await stats.reload();
    });
  }

  const columns: TableColumnsType<ReminderRuleStats> = [
    { title: '规则', dataIndex: 'name' },
    { title: '发送日', dataIndex: 'offsetDays', render: (days: number) => offsetLabel(days) },
    { title: '应发', dataIndex: 'due', align: 'right' },
    { title: '已发送', dataIndex: 'sent', align: 'right' },
    { title: '失败', dataIndex: 'failed', align: 'right', render: (_, row) => <FailedCell row={row} /> },
    { title: '无授权跳过', dataIndex: 'skippedNoConsent', align: 'right' },
    { title: '站内提醒', dataIndex: 'inApp', align: 'right' },
    { title: '已查看', dataIndex: 'seen', align: 'right', render: (seen: number, row) => `${seen}（${rate(seen, row.inApp)}）` },
    { title: <Tooltip title="发送前会员已续费或被撤销">发送前取消</Tooltip>, dataIndex: 'cancelled', align: 'right' },
    {
      title: <Tooltip title="提醒后 14 天内续费">14 天内续费</Tooltip>,
      dataIndex: 'converted',
      align: 'right',
      render: (converted: number, row) => `${converted}（${rate(converted, row.due - row.cancelled)}）`,
    },
  ];
  const callColumns: TableColumnsType<CallOutcomeStats> = [
    { title: '回访结果', dataIndex: 'outcome', render: (outcome) => <EnumTag map={CALL_OUTCOME} value={outcome} /> },
    { title: '次数', dataIndex: 'calls', align: 'right' },
    {
      title: '14 天内续费',
      dataIndex: 'converted',
      align: 'right',
      render: (converted: number, row) => `${converted}（${rate(converted, row.calls)}）`,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        title="按规则统计"
        size="small"
        extra={
          can('reminders.run') ? (
            <Popconfirm title="立即运行一次提醒？" description="只发送今天到期应发且尚未发送的提醒，不会重复发送。" onConfirm={runNow}>
              <Button icon={<PlayCircleOutlined />} loading={saving}>
                立即运行一次
              </Button>
            </Popconfirm>
          ) : null
        }
      >
        <Table<ReminderRuleStats>
          rowKey="ruleId"
          loading={stats.loading}
          dataSource={stats.data}
          columns={columns}
          pagination={false}
          size="middle"
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          续费率 = 14 天内续费 ÷（应发 − 发送前取消）。失败的提醒会改为站内提醒；43101 表示会员的订阅授权已用完。
        </Typography.Paragraph>
      </Card>
      <Card title="电话回访效果" size="small">
        <Table<CallOutcomeStats>
          rowKey="outcome"
          loading={calls.loading}
          dataSource={calls.data}
          columns={callColumns}
          pagination={false}
          size="middle"
        />
      </Card>
    </Flex>
  );
}
