import type { CodeBatchView } from '@member-commerce/shared';
import { DownloadOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { exportCodeBatch, listCodeBatches } from '../../api/membership-codes';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { saveBlob } from '../finance/save-blob';
import { CreateBatchModal } from './create-batch-modal';
import { VoidModal, type VoidTarget } from './void-modal';

/** Staff code batches: create, export the codes (CSV, audited), void a batch or one code. */
export function CodeBatchesTab() {
  const batches = useAsync(listCodeBatches, []);
  const [creating, setCreating] = useState(false);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const [exporting, setExporting] = useState<number | null>(null);

  async function download(batch: CodeBatchView) {
    setExporting(batch.id);
    try {
      const { blob, fileName } = await exportCodeBatch(batch.id);
      saveBlob(blob, fileName ?? `membership-codes-${batch.id}.csv`);
      showSuccess(`已导出 ${batch.count} 个兑换码`);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(null);
    }
  }

  const columns: TableColumnsType<CodeBatchView> = [
    { title: '批次', dataIndex: 'id', width: 70 },
    { title: '会员卡', dataIndex: 'tierName' },
    { title: '渠道 / 备注', dataIndex: 'note', render: (note: string) => note || <Typography.Text type="secondary">—</Typography.Text> },
    { title: '数量', dataIndex: 'count', align: 'right', width: 80 },
    {
      title: '使用情况',
      key: 'usage',
      render: (_, b) => (
        <Space size={4} wrap>
          <Tag color="green">已兑换 {b.redeemed}</Tag>
          <Tag color="blue">可兑换 {b.open}</Tag>
          {b.expired ? <Tag color="orange">已过期 {b.expired}</Tag> : null}
          {b.voided ? <Tag>已作废 {b.voided}</Tag> : null}
        </Space>
      ),
    },
    { title: '有效期至', dataIndex: 'validUntil', render: formatTime, width: 160 },
    { title: '创建', key: 'created', render: (_, b) => `${formatTime(b.createdAt)}${b.createdBy ? ` · ${b.createdBy}` : ''}`, width: 200 },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, batch) => (
        <Space>
          <Button size="small" icon={<DownloadOutlined />} loading={exporting === batch.id} onClick={() => download(batch)}>
            导出
          </Button>
          {batch.voidedAt ? (
            <Tag>已作废</Tag>
          ) : (
            <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding({ kind: 'batch', batch })}>
              作废
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建兑换码批次
        </Button>
        <Button icon={<StopOutlined />} onClick={() => setVoiding({ kind: 'code' })}>
          作废单个兑换码
        </Button>
      </Space>
      <Table<CodeBatchView>
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data}
        columns={columns}
        pagination={{ pageSize: 20 }}
      />
      <CreateBatchModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void batches.reload();
        }}
      />
      <VoidModal
        target={voiding}
        onClose={() => setVoiding(null)}
        onDone={() => {
          setVoiding(null);
          void batches.reload();
        }}
      />
    </>
  );
}
