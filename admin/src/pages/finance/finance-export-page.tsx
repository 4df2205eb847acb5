import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadFinanceExport, type FinanceExportQuery } from '../../api/finance';
import { listActiveTiers, listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { showError, showSuccess } from '../../feedback';
import { useAsync } from '../../hooks/use-async';
import { saveBlob } from './save-blob';

interface FormValues {
  range: [Dayjs, Dayjs];
  tierId?: number;
  format: FinanceExportQuery['format'];
}

/** Placeholder until the finance report lands: picks a range and downloads the ledger export. */
export default function FinanceExportPage() {
  const { can } = useAuth();
  // Finance may not read the admin catalogue; it then picks among the tiers on sale.
  const canCatalog = can('catalog.read');
  const tiers = useAsync(async () => (canCatalog ? listTiers() : listActiveTiers()), [canCatalog]);
  const [downloading, setDownloading] = useState(false);

  async function download(values: FormValues) {
    const query: FinanceExportQuery = {
      from: values.range[0].format('YYYY-MM-DD'),
      to: values.range[1].format('YYYY-MM-DD'),
      format: values.format,
      tierId: values.tierId,
    };
    setDownloading(true);
    try {
      const { blob, fileName } = await downloadFinanceExport(query);
      saveBlob(blob, fileName ?? `finance-${query.from}-${query.to}.${query.format}`);
      showSuccess('导出完成');
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <PageHeader title="财务导出">按日期范围导出会员费收入、退款与确认收入明细（CSV 可直接用 Excel 打开）。</PageHeader>
      <Card style={{ maxWidth: 560 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="财务报表页面开发中，目前仅提供文件导出。" />
        <Form<FormValues>
          layout="vertical"
          onFinish={download}
          initialValues={{ range: [dayjs().startOf('month'), dayjs()], format: 'csv' }}
        >
          <Form.Item name="range" label="日期范围（店铺时区）" rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="tierId" label="会员卡">
            <Select
              allowClear
              placeholder="全部会员卡"
              loading={tiers.loading}
              options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
            />
          </Form.Item>
          <Form.Item name="format" label="格式">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'csv', label: 'CSV' },
                { value: 'xlsx', label: 'Excel (XLSX)' },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<DownloadOutlined />} loading={downloading}>
            导出
          </Button>
        </Form>
      </Card>
    </>
  );
}
