import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ExportJobView, FinanceExportQuery } from '@member-commerce/shared';
import { Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { downloadExportJob, downloadFinanceExport, getExportJob, listExportJobs, startExportJob } from '../../api/finance';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { saveBlob } from './save-blob';

/** Ranges up to this many days download at once; longer ones run as export jobs with progress. */
const DIRECT_DOWNLOAD_DAYS = 31;

const STATUS: Record<ExportJobView['status'], { color: string; label: string }> = {
  QUEUED: { color: 'default', label: '排队中' },
  RUNNING: { color: 'processing', label: '导出中' },
  DONE: { color: 'success', label: '已完成' },
  FAILED: { color: 'error', label: '失败' },
};

const REPORT_LABELS = { ledger: '会费流水', monthly: '月度报表' } as const;

interface Props {
  from: string;
  to: string;
  days: number;
  tierId?: number;
}

/** Export buttons: short ranges download directly; long ones start a job whose progress and file show below. */
export function ExportPanel({ from, to, days, tierId }: Props) {
  const jobs = useAsync(listExportJobs, []);
  const [busy, setBusy] = useState<string>();
  const running = (jobs.data ?? []).some((job) => job.status === 'QUEUED' || job.status === 'RUNNING');

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void jobs.reload(), 1000);
    return () => clearInterval(timer);
  }, [running, jobs.reload]);

  async function exportFile(report: 'ledger' | 'monthly', format: 'csv' | 'xlsx') {
    const query: FinanceExportQuery = { from, to, format, report, tierId };
    setBusy(`${report}-${format}`);
    try {
      if (days <= DIRECT_DOWNLOAD_DAYS) {
        const { blob, fileName } = await downloadFinanceExport(query);
        saveBlob(blob, fileName ?? `finance-${from}-${to}.${format}`);
        showSuccess('导出完成');
      } else {
        await startExportJob(query);
        showSuccess('已开始导出，完成后可在下方下载');
        await jobs.reload();
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(undefined);
    }
  }

  async function download(job: ExportJobView) {
    try {
      const fresh = await getExportJob(job.id);
      const { blob } = await downloadExportJob(fresh.id);
      saveBlob(blob, fresh.fileName);
    } catch (e) {
      showError(e);
    }
  }

  const button = (report: 'ledger' | 'monthly', format: 'csv' | 'xlsx') => (
    <Button
      key={`${report}-${format}`}
      icon={format === 'csv' ? <FileTextOutlined /> : <FileExcelOutlined />}
      loading={busy === `${report}-${format}`}
      onClick={() => void exportFile(report, format)}
    >
      {REPORT_LABELS[report]} {format === 'csv' ? 'CSV' : 'Excel'}
    </Button>
  );

  return (
    <Card
      title="导出"
      size="small"
      extra={
        <Typography.Text type="secondary">
          {from} 至 {to}
          {days > DIRECT_DOWNLOAD_DAYS ? '（后台导出）' : ''}
        </Typography.Text>
      }
    >
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        {button('ledger', 'csv')}
        {button('ledger', 'xlsx')}
        {button('monthly', 'csv')}
        {button('monthly', 'xlsx')}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        CSV 为 UTF-8（带 BOM），Excel 可直接打开；金额同时给出元（两位小数）与分。超过 {DIRECT_DOWNLOAD_DAYS} 天的范围在后台导出。
      </Typography.Paragraph>
      <Table<ExportJobView>
        data-testid="export-jobs"
        rowKey="id"
        size="small"
        loading={jobs.loading && !jobs.data}
        dataSource={jobs.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无导出记录' }}
        columns={[
          { title: '文件', dataIndex: 'fileName', ellipsis: true },
          { title: '发起人', dataIndex: 'requestedBy', width: 90 },
          { title: '时间', dataIndex: 'createdAt', width: 150, render: formatTime },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (status: ExportJobView['status']) => <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>,
          },
          {
            title: '进度',
            width: 220,
            render: (_, job) => (
              <Flex vertical gap={0}>
                <Progress
                  size="small"
                  percent={job.status === 'DONE' ? 100 : job.rowsTotal ? Math.floor((job.rowsDone / job.rowsTotal) * 100) : 0}
                  status={job.status === 'FAILED' ? 'exception' : job.status === 'DONE' ? 'success' : 'active'}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {job.rowsDone.toLocaleString('zh-CN')} / {job.rowsTotal.toLocaleString('zh-CN')} 行{job.error ? `：${job.error}` : ''}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_, job) => (
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                disabled={job.status !== 'DONE'}
                onClick={() => void download(job)}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
