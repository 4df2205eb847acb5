import type { FinanceReport } from '@member-commerce/shared';
import { Card, Col, DatePicker, Flex, Form, Row, Select, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { getFinanceReport } from '../../api/finance';
import { listActiveTiers, listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { ExportPanel } from './export-panel';
import { ReportTable } from './report-table';
import { yuan } from './yuan';

const TOTALS: [keyof FinanceReport['totals'], string][] = [
  ['openingDeferredFen', '期初递延收入'],
  ['billedFen', '收款'],
  ['refundedFen', '退款'],
  ['recognisedFen', '确认收入'],
  ['recognisedGoodsFen', '其中礼包商品'],
  ['recognisedServiceFen', '其中会员服务'],
  ['closingDeferredFen', '期末递延收入'],
];

/** Finance: the monthly deferred-revenue report per tier, with exports of the same figures. */
export default function FinancePage() {
  const { can } = useAuth();
  const canCatalog = can('catalog.read');
  const tiers = useAsync(async () => (canCatalog ? listTiers() : listActiveTiers()), [canCatalog]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month').startOf('month'), dayjs().startOf('month')]);
  const [tierId, setTierId] = useState<number>();
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');
  const report = useAsync(() => getFinanceReport({ from, to, tierId }), [from, to, tierId]);
  const firstDay = range[0].startOf('month');
  const lastDay = range[1].endOf('month');

  return (
    <>
      <PageHeader title="财务报表">
        会员费按单独售价比例分摊：开卡礼包部分在发货时确认，会员服务部分按日直线法确认（店铺时区）；每行 期初递延 + 收款 − 退款 − 确认收入 =
        期末递延。
      </PageHeader>
      <Flex gap={16} wrap="wrap" style={{ marginBottom: 16 }}>
        <Form.Item label="月份" style={{ margin: 0 }}>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            data-testid="finance-range"
          />
        </Form.Item>
        <Form.Item label="会员卡" style={{ margin: 0 }}>
          <Select
            allowClear
            placeholder="全部会员卡"
            style={{ width: 200 }}
            value={tierId}
            onChange={setTierId}
            loading={tiers.loading}
            options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
          />
        </Form.Item>
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {TOTALS.map(([key, title]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small" loading={report.loading && !report.data}>
              <Statistic title={title} value={report.data ? yuan(report.data.totals[key]) : '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <div style={{ marginBottom: 16 }}>
        <ExportPanel
          from={firstDay.format('YYYY-MM-DD')}
          to={lastDay.format('YYYY-MM-DD')}
          days={lastDay.diff(firstDay, 'day') + 1}
          tierId={tierId}
        />
      </div>
      <Card size="small" title="月度收入确认" style={{ marginBottom: 16 }}>
        <ReportTable report={report.data} loading={report.loading} />
      </Card>
    </>
  );
}
