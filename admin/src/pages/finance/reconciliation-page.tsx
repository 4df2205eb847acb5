import type { ReconciliationMismatch } from '@member-commerce/shared';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadReconciliation, getReconciliation, resolveMismatch } from '../../api/finance';
import { DownloadButton } from '../../components/download-button';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { formatTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { yuan } from './yuan';

const KINDS: Record<ReconciliationMismatch['kind'], { color: string; label: string }> = {
  ONLY_WECHAT: { color: 'orange', label: '仅微信有' },
  ONLY_OURS: { color: 'purple', label: '仅我方有' },
  AMOUNT: { color: 'red', label: '金额不符' },
  STATUS: { color: 'gold', label: '状态不符' },
};

const money = (fen?: number) => (fen === undefined ? '—' : yuan(fen));

/** Finance → 对账: a day's WeChat trade bill against our payments and refunds; mismatches are resolved with a note. */
export default function ReconciliationPage() {
  const [day, setDay] = useState<Dayjs>(dayjs().subtract(1, 'day'));
  const date = day.format('YYYY-MM-DD');
  const statement = useAsync(() => getReconciliation(date), [date]);
  const [resolving, setResolving] = useState<ReconciliationMismatch>();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  async function resolve() {
    if (!resolving || !note.trim()) return;
    setSaving(true);
    try {
      await resolveMismatch({ date, kind: resolving.kind, reference: resolving.reference, note: note.trim() });
      showSuccess('已标记为已处理');
      setResolving(undefined);
      setNote('');
      await statement.reload();
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  const columns: ColumnsType<ReconciliationMismatch> = [
    {
      title: '差异类型',
      dataIndex: 'kind',
      width: 110,
      render: (kind: ReconciliationMismatch['kind']) => <Tag color={KINDS[kind].color}>{KINDS[kind].label}</Tag>,
    },
    { title: '商户订单号', dataIndex: 'outTradeNo', width: 220 },
    { title: '退款单号', dataIndex: 'outRefundNo', width: 180, render: (no?: string) => no ?? '—' },
    { title: '微信单号', dataIndex: 'transactionId', render: (id?: string) => id ?? '—' },
    { title: '微信金额', dataIndex: 'wechatFen', align: 'right', render: money },
    { title: '我方金额', dataIndex: 'oursFen', align: 'right', render: money },
    {
      title: '状态（微信 / 我方）',
      render: (_, row) => (row.wechatStatus || row.oursStatus ? `${row.wechatStatus ?? '—'} / ${row.oursStatus ?? '—'}` : '—'),
    },
    {
      title: '处理',
      width: 260,
      render: (_, row) =>
        row.resolvedAt ? (
          <Space direction="vertical" size={0}>
            <Tag color="green">已处理</Tag>
            <Typography.Text type="secondary">
              {row.resolvedBy} · {formatTime(row.resolvedAt)}
            </Typography.Text>
            <Typography.Text>{row.note}</Typography.Text>
          </Space>
        ) : (
          <Button size="small" onClick={() => setResolving(row)} data-testid="resolve-mismatch">
            标记已处理
          </Button>
        ),
    },
  ];

  const data = statement.data;
  const open = data ? data.mismatches.filter((mismatch) => !mismatch.resolvedAt).length : 0;
  return (
    <>
      <PageHeader title="对账">每日下载微信支付交易账单，与我方支付、退款记录逐笔核对；差异处理须填写说明，并记入操作日志。</PageHeader>
      <Flex gap={16} wrap="wrap" align="center" style={{ marginBottom: 16 }}>
        <Form.Item label="账单日期" style={{ margin: 0 }}>
          <DatePicker
            allowClear={false}
            value={day}
            onChange={(value) => value && setDay(value)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="reconciliation-date"
          />
        </Form.Item>
        <DownloadButton download={(onProgress) => downloadReconciliation(date, 'csv', onProgress)} fileName={`reconciliation-${date}.csv`}>
          导出 CSV
        </DownloadButton>
        <DownloadButton
          download={(onProgress) => downloadReconciliation(date, 'xlsx', onProgress)}
          fileName={`reconciliation-${date}.xlsx`}
        >
          导出 Excel
        </DownloadButton>
        {data?.storedAt ? <Typography.Text type="secondary">每日对账已于 {formatTime(data.storedAt)} 生成</Typography.Text> : null}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          ['微信账单净额', data ? yuan(data.totals.wechatFen) : '—'],
          ['我方净额', data ? yuan(data.totals.oursFen) : '—'],
          ['已匹配笔数', data ? data.matched : '—'],
          ['未处理差异', data ? open : '—'],
        ].map(([title, value]) => (
          <Col key={title} xs={12} md={6}>
            <Card size="small" loading={statement.loading && !data}>
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title="差异明细">
        <Table<ReconciliationMismatch>
          data-testid="reconciliation-mismatches"
          rowKey={(row) => `${row.kind}-${row.reference}`}
          size="small"
          columns={columns}
          dataSource={data?.mismatches ?? []}
          loading={statement.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: statement.error ? '账单暂不可用' : '当日无差异' }}
        />
      </Card>
      <Modal
        title="标记差异已处理"
        open={!!resolving}
        onCancel={() => setResolving(undefined)}
        onOk={resolve}
        okText="确认"
        cancelText="取消"
        confirmLoading={saving}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Typography.Paragraph>
          {resolving ? `${KINDS[resolving.kind].label}：${resolving.outRefundNo ?? resolving.outTradeNo}` : null}
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder="处理说明（必填），如：微信回调丢失，已人工补单"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
