import type { CallListEntry, CallListQuery } from '@member-commerce/shared';
import { formatFen } from '@member-commerce/shared';
import { PhoneOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { callList } from '../../api/reminders';
import { EnumTag } from '../../components/enum-tag';
import { formatDate, formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { CALL_OUTCOME } from '../../labels';
import { CallOutcomeModal } from './call-outcome-modal';

export function CallListTab() {
  const [query, setQuery] = useState<Required<CallListQuery>>({ withinDays: 30, sort: 'spend' });
  const list = useAsync(() => callList(query), [query]);
  const [calling, setCalling] = useState<CallListEntry | null>(null);

  const columns: TableColumnsType<CallListEntry> = [
    { title: '会员', dataIndex: 'nickname', render: (name: string) => name || '微信用户' },
    {
      title: '手机',
      dataIndex: 'phone',
      width: 130,
      render: (phone: string | null) => phone ?? <Typography.Text type="secondary">未留手机</Typography.Text>,
    },
    { title: '会员卡', dataIndex: 'tierName', width: 110 },
    { title: '到期日', dataIndex: 'termEnd', width: 110, render: formatDate },
    { title: '剩余', dataIndex: 'daysLeft', width: 70, align: 'right', render: (days: number) => `${days} 天` },
    { title: '历史总消费', dataIndex: 'spendFen', width: 120, align: 'right', render: (fen: number) => formatFen(fen) },
    {
      title: '原因',
      key: 'why',
      width: 170,
      render: (_, row) => (
        <Flex gap={4} wrap="wrap">
          {row.consentCredits === 0 ? <Tag color="orange">无订阅授权</Tag> : null}
          {row.remindersIgnored > 0 ? <Tag color="blue">已提醒 {row.remindersIgnored} 次未续费</Tag> : null}
        </Flex>
      ),
    },
    {
      title: '最近回访',
      key: 'lastCall',
      render: (_, row) =>
        row.lastCall ? (
          <Flex vertical>
            <span>
              <EnumTag map={CALL_OUTCOME} value={row.lastCall.outcome} /> {formatTime(row.lastCall.calledAt)} · {row.lastCall.staffUsername}
            </span>
            {row.lastCall.note ? <Typography.Text type="secondary">{row.lastCall.note}</Typography.Text> : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, row) => (
        <Button type="link" icon={<PhoneOutlined />} onClick={() => setCalling(row)}>
          记录回访
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }} wrap="wrap">
        <span>到期时间</span>
        <Select
          value={query.withinDays}
          style={{ width: 130 }}
          onChange={(withinDays) => setQuery({ ...query, withinDays })}
          options={[7, 14, 30, 60].map((days) => ({ value: days, label: `${days} 天内到期` }))}
        />
        <Segmented
          value={query.sort}
          onChange={(sort) => setQuery({ ...query, sort: sort as 'spend' | 'termEnd' })}
          options={[
            { value: 'spend', label: '按消费金额' },
            { value: 'termEnd', label: '按到期日' },
          ]}
        />
        <Typography.Text type="secondary">只列出微信提醒触达不到（无订阅授权）或已提醒仍未续费的会员，最多 200 人。</Typography.Text>
      </Flex>
      <Table<CallListEntry>
        rowKey="customerId"
        loading={list.loading}
        dataSource={list.data}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <CallOutcomeModal
        member={calling}
        onClose={() => setCalling(null)}
        onSaved={() => {
          setCalling(null);
          void list.reload();
        }}
      />
    </>
  );
}
