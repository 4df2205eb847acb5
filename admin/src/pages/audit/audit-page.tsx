import type { AuditLogView } from '@member-commerce/shared';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { listAuditLogs } from '../../api/audit';
import { PageHeader } from '../../components/page-header';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';

/** Chinese names for the audited entities; unknown ones show as stored. */
const ENTITY_LABELS: Record<string, string> = {
  tier: '会员卡',
  benefit: '权益',
  gift_pack: '礼包',
  giftPack: '礼包',
  milestone: '里程碑',
  product: '商品',
  sku: 'SKU',
  membership: '会员',
  order: '订单',
  refund: '退款',
  staff: '员工',
};

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre style={{ margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const logs = useAsync(() => listAuditLogs(page), [page]);

  const columns: TableColumnsType<AuditLogView> = [
    { title: '时间', dataIndex: 'createdAt', width: 150, render: formatTime },
    { title: '员工', dataIndex: 'staffUsername', width: 110, render: (name: string | null) => name ?? '系统' },
    { title: '操作', dataIndex: 'action', render: (action: string) => <Typography.Text code>{action}</Typography.Text> },
    {
      title: '对象',
      key: 'entity',
      render: (_, log) => `${ENTITY_LABELS[log.entity] ?? log.entity}${log.entityId ? ` #${log.entityId}` : ''}`,
    },
  ];

  return (
    <>
      <PageHeader title="操作日志">员工的每次写操作都会记录：谁、何时、改了什么（前后对比）。</PageHeader>
      <Table<AuditLogView>
        rowKey="id"
        loading={logs.loading}
        dataSource={logs.data?.items}
        columns={columns}
        expandable={{
          expandedRowRender: (log) => (
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
              <div>
                <Typography.Text strong>变更前</Typography.Text>
                <Json value={log.before} />
              </div>
              <div>
                <Typography.Text strong>变更后</Typography.Text>
                <Json value={log.after} />
              </div>
            </div>
          ),
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: logs.data?.total,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </>
  );
}
