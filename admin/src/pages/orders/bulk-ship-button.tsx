import type { BulkShipResult, BulkShipRowView } from '@member-commerce/shared';
import { Alert, Button, Modal, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { shipOrdersFromCsv } from '../../api/orders';
import { useSaving } from '../../hooks/use-saving';

const TEMPLATE = '\uFEFF订单号,快递公司,快递单号\n';

/**
 * 批量发货, like the price-list import: upload a CSV of 订单号, 快递公司 (name or code), 快递单号 → the server checks
 * every row and nothing ships → staff confirm → the good rows ship; the result of every row is shown.
 */
export function BulkShipButton({ onDone }: { onDone(): void }) {
  const [csv, setCsv] = useState<string>();
  const [result, setResult] = useState<BulkShipResult>();
  const { saving, run } = useSaving();

  async function upload(file: File) {
    const text = await file.text();
    await run(async () => {
      setResult(await shipOrdersFromCsv(text, true));
      setCsv(text);
    });
    return false;
  }

  async function apply() {
    if (!csv) return;
    await run(async () => {
      setResult(await shipOrdersFromCsv(csv));
      setCsv(undefined);
      onDone();
    });
  }

  function close() {
    setResult(undefined);
    setCsv(undefined);
  }

  function downloadTemplate() {
    const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: '批量发货模板.csv' });
    link.click();
    URL.revokeObjectURL(url);
  }

  const previewing = Boolean(result?.preview);
  const summary = result
    ? previewing
      ? `核对完成：可发货 ${result.shipped} 单${result.skipped ? `，已发过 ${result.skipped} 单（跳过）` : ''}，有问题 ${result.failed} 行（不会发货）`
      : `已发货 ${result.shipped} 单${result.skipped ? `，已发过 ${result.skipped} 单（跳过）` : ''}，未发货 ${result.failed} 行`
    : '';

  return (
    <>
      <Button onClick={downloadTemplate}>下载发货模板</Button>
      <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={upload}>
        <Button loading={saving && !result} data-testid="bulk-ship">
          批量发货
        </Button>
      </Upload>
      <Modal
        title={previewing ? '批量发货：核对' : '批量发货结果'}
        open={Boolean(result)}
        onCancel={close}
        width={900}
        footer={
          previewing ? (
            <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" loading={saving} disabled={!result?.shipped} onClick={apply} data-testid="bulk-ship-apply">
                确认发货（{result?.shipped ?? 0} 单）
              </Button>
            </Space>
          ) : (
            <Button onClick={close}>关闭</Button>
          )
        }
      >
        {result ? (
          <>
            <Alert
              type={result.failed ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 16 }}
              message={summary}
              data-testid="bulk-ship-summary"
            />
            <Table<BulkShipRowView>
              rowKey="line"
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={result.rows}
              data-testid="bulk-ship-rows"
              columns={[
                { title: '行', dataIndex: 'line', width: 60 },
                { title: '订单号', dataIndex: 'outTradeNo' },
                { title: '收件人', dataIndex: 'recipient', width: 90, render: (name?: string | null) => name ?? '—' },
                {
                  title: '快递公司',
                  dataIndex: 'carrier',
                  width: 110,
                  render: (carrier: string, row) => row.carrierName ?? carrier,
                },
                { title: '快递单号', dataIndex: 'trackingNo' },
                {
                  title: '状态',
                  key: 'ok',
                  render: (_, row) =>
                    row.skipped ? (
                      <Tag>已按此单号发货，跳过</Tag>
                    ) : row.ok ? (
                      <Tag color="green">{previewing ? '可发货' : '已发货'}</Tag>
                    ) : (
                      <Tag color="red">{row.error}</Tag>
                    ),
                },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
