import type { BulkShipResult } from '@member-commerce/shared';
import { Alert, Button, Modal, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { shipOrdersFromCsv } from '../../api/orders';
import { useSaving } from '../../hooks/use-saving';

const TEMPLATE = '\uFEFF订单号,快递公司,快递单号\n';

/** 批量发货: upload a CSV of 订单号, 快递公司 (name or code), 快递单号; the result of every row is shown. */
export function BulkShipButton({ onDone }: { onDone(): void }) {
  const [result, setResult] = useState<BulkShipResult>();
  const { saving, run } = useSaving();

  async function upload(file: File) {
    await run(async () => {
      setResult(await shipOrdersFromCsv(await file.text()));
      onDone();
    });
    return false;
  }

  function downloadTemplate() {
    const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: '批量发货模板.csv' });
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <Button onClick={downloadTemplate}>下载发货模板</Button>
      <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={upload}>
        <Button loading={saving} data-testid="bulk-ship">
          批量发货
        </Button>
      </Upload>
      <Modal title="批量发货结果" open={Boolean(result)} onCancel={() => setResult(undefined)} footer={null} width={760}>
        {result ? (
          <>
            <Alert
              type={result.failed ? 'warning' : 'success'}
              showIcon
              style={{ marginBottom: 16 }}
              message={`已发货 ${result.shipped} 单，失败 ${result.failed} 单`}
            />
            <Table
              rowKey="line"
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={result.rows}
              columns={[
                { title: '行', dataIndex: 'line', width: 60 },
                { title: '订单号', dataIndex: 'outTradeNo' },
                { title: '快递', dataIndex: 'carrier', width: 110 },
                { title: '单号', dataIndex: 'trackingNo' },
                {
                  title: '结果',
                  key: 'ok',
                  render: (_, row) => (row.ok ? <Tag color="green">已发货</Tag> : <Tag color="red">{row.error}</Tag>),
                },
              ]}
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
