import { Card, Col, Row, Statistic, Table } from 'antd';
import type { TrialStatsView } from '@member-commerce/shared';
import { getTrialStats } from '../../api/membership-codes';
import { useAsync } from '../../hooks/use-async';

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Trial conversion: trials started, running, and how many became paying members (GET /api/admin/trials/stats). */
export function TrialCard() {
  const { data, loading } = useAsync(getTrialStats, []);
  return (
    <Card title="免费试用转化" size="small" loading={loading && !data}>
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title="试用人数" value={data?.started ?? '—'} />
        </Col>
        <Col span={6}>
          <Statistic title="试用中" value={data?.inTrial ?? '—'} />
        </Col>
        <Col span={6}>
          <Statistic title="已转为付费" value={data?.converted ?? '—'} />
        </Col>
        <Col span={6}>
          <Statistic title="转化率" value={percent(data?.conversionRate)} />
        </Col>
      </Row>
      {data?.byTier.length ? (
        <Table<TrialStatsView['byTier'][number]>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="tierId"
          pagination={false}
          dataSource={data.byTier}
          columns={[
            { title: '会员卡', dataIndex: 'tierName' },
            { title: '试用', dataIndex: 'started', align: 'right' },
            { title: '转付费', dataIndex: 'converted', align: 'right' },
            { title: '转化率', key: 'rate', align: 'right', render: (_, row) => percent(row.started ? row.converted / row.started : null) },
          ]}
        />
      ) : null}
    </Card>
  );
}
