import type { AuditLogQuery, AuditLogView } from '@member-commerce/shared';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@member-commerce/shared';
import { DatePicker, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { getAuditLogFacets, listAuditLogs } from '../../api/audit';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { auditDiff, recordName, type DiffRow } from './audit-diff';

const actionText = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
const entityText = (entity: string) => AUDIT_ENTITY_LABELS[entity] ?? entity;

function DiffTable({ log }: { log: AuditLogView }) {
  const rows = auditDiff(log.before, log.after);
  if (!rows.length) return <Typography.Text type="secondary">没有字段变化</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="path"
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={rows}
      style={{ maxWidth: 960 }}
      columns={[
        { title: '字段', dataIndex: 'path', width: 260 },
        {
          title: '变更前',
          dataIndex: 'before',
          render: (text?: string) =>
            text === undefined ? (
              <Typography.Text type="secondary">（无）</Typography.Text>
            ) : (
              <Typography.Text delete={false}>{text}</Typography.Text>
            ),
        },
        {
          title: '变更后',
          dataIndex: 'after',
          render: (text?: string) =>
            text === undefined ? (
              <Typography.Text type="secondary">（无）</Typography.Text>
            ) : (
              <Typography.Text strong>{text}</Typography.Text>
            ),
        },
      ]}
    />
  );
}

type Query = AuditLogQuery & { page: number; pageSize: number };

export default function AuditPage() {
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const logs = useAsync(() => listAuditLogs(query), [query]);
  const facets = useAsync(getAuditLogFacets, []);
  const filter = (change: Partial<AuditLogQuery>) => setQuery((prev) => ({ ...prev, ...change, page: 1 }));

  const columns: TableColumnsType<AuditLogView> = [
    { title: '时间', dataIndex: 'createdAt', width: 150, render: formatTime },
    { title: '员工', dataIndex: 'staffUsername', width: 110, render: (name: string | null) => name ?? '系统' },
    { title: '操作', dataIndex: 'action', width: 160, render: actionText },
    {
      title: '对象',
      key: 'entity',
      render: (_, log) => {
        const name = log.entityName ?? recordName(log.before, log.after);
        return (
          <>
            {entityText(log.entity)}
            {name ? <Typography.Text type="secondary">：{name}</Typography.Text> : null}
          </>
        );
      },
    },
    { title: '变化', key: 'changes', width: 100, align: 'right', render: (_, log) => `${auditDiff(log.before, log.after).length} 项` },
  ];

  return (
    <>
      <PageHeader title="操作日志">员工的每次写操作都会记录：谁、何时、对什么、改了哪些字段（展开查看变更前后）。</PageHeader>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          showSearch
          placeholder="全部员工"
          style={{ width: 150 }}
          options={(facets.data?.staffUsernames ?? []).map((name) => ({ value: name, label: name }))}
          onChange={(staffUsername?: string) => filter({ staffUsername })}
          data-testid="audit-staff-filter"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部操作"
          style={{ width: 180 }}
          options={(facets.data?.actions ?? []).map((action) => ({ value: action, label: actionText(action) }))}
          onChange={(action?: string) => filter({ action })}
          data-testid="audit-action-filter"
        />
        <Space.Compact>
          <Select
            allowClear
            placeholder="全部对象"
            style={{ width: 140 }}
            options={(facets.data?.entities ?? []).map((entity) => ({ value: entity, label: entityText(entity) }))}
            onChange={(entity?: string) => filter({ entity, ...(entity ? {} : { entityId: undefined }) })}
          />
          <Input.Search
            allowClear
            placeholder="对象编号"
            style={{ width: 140 }}
            disabled={!query.entity}
            onSearch={(id) => filter({ entityId: id.trim() || undefined })}
          />
        </Space.Compact>
        <DatePicker.RangePicker
          onChange={(range) => {
            const [from, to] = (range ?? []) as [Dayjs | null, Dayjs | null];
            filter({ from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
          }}
        />
      </Space>
      <Table<AuditLogView>
        rowKey="id"
        loading={logs.loading}
        dataSource={logs.data?.items}
        columns={columns}
        expandable={{ expandedRowRender: (log) => <DiffTable log={log} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: logs.data?.total,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
        }}
      />
    </>
  );
}
