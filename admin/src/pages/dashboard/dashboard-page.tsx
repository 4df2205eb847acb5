import { formatFen, type DashboardView } from '@member-commerce/shared';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { getDashboard } from '../../api/dashboard';
import { TodoCards } from './todo-cards';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { APP_ROUTES, PATHS } from '../../routes';
import { TrialCard } from './trial-card';

// ECharts is large: only this chart's chunk pulls it in.
const RevenueChart = lazy(() => import('./revenue-chart'));

/** Overview: every number is a server aggregate (GET /api/admin/dashboard). Support sees the shortcuts only. */
export default function DashboardPage() {
  const { staff, can } = useAuth();
  const canSee = staff?.role !== 'support';
  const { data, loading } = useAsync(async () => (canSee ? getDashboard() : undefined), [canSee]);
  const links = APP_ROUTES.filter((route) => route.path !== PATHS.dashboard && (!route.capability || can(route.capability)));
  const rate = data?.renewalRate;

  const stats: { title: string; value?: number | string; suffix?: string; to?: string }[] = [
    { title: '有效会员', value: data?.activeMembers, to: PATHS.members },
    { title: '本月新入会', value: data?.newThisMonth },
    { title: '本月续费', value: data?.renewedThisMonth },
    {
      title: data ? `本月续费率（${data.renewedThisMonth} / ${data.dueThisMonth} 到期）` : '本月续费率',
      value: rate === null ? '—' : rate === undefined ? undefined : (rate * 100).toFixed(1),
      suffix: rate === null || rate === undefined ? undefined : '%',
    },
    { title: '7 天内到期', value: data?.expiringIn7Days, to: PATHS.members },
    { title: '30 天内到期', value: data?.expiringIn30Days, to: PATHS.members },
  ];

  return (
    <>
      <PageHeader title={`你好，${staff?.username ?? ''}`}>会员体系运营概览{data ? `（${data.month}，店铺时区）` : ''}</PageHeader>
      <TodoCards />
      {canSee ? (
        <>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {stats.map((stat) => {
              const card = (
                <Card hoverable={Boolean(stat.to)} loading={loading && !data} size="small">
                  <Statistic title={stat.title} value={stat.value ?? '—'} suffix={stat.suffix} />
                </Card>
              );
              return (
                <Col key={stat.title} xs={12} md={8} xl={4}>
                  {stat.to ? <Link to={stat.to}>{card}</Link> : card}
                </Col>
              );
            })}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={15}>
              <Card title="会员费收入（近 12 个月）" size="small">
                {data ? (
                  <Suspense fallback={<div style={{ height: 320 }} />}>
                    <RevenueChart months={data.revenueByMonth} />
                  </Suspense>
                ) : (
                  <div style={{ height: 320 }} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Card title="热销商品（近 12 个月）" size="small">
                <Table<DashboardView['topProducts'][number]>
                  data-testid="top-products"
                  rowKey="productId"
                  size="small"
                  pagination={false}
                  loading={loading && !data}
                  dataSource={data?.topProducts ?? []}
                  locale={{ emptyText: '近 12 个月暂无商品销售' }}
                  columns={[
                    { title: '商品', dataIndex: 'title', ellipsis: true },
                    { title: '件数', dataIndex: 'quantity', align: 'right', width: 70 },
                    { title: '销售额', dataIndex: 'salesFen', align: 'right', width: 120, render: (fen: number) => formatFen(fen) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <TrialCard />
            </Col>
          </Row>
        </>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 32 }}>
        快捷入口
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((route) => (
          <Col key={route.path} xs={12} sm={8} lg={4}>
            <Link to={route.path}>
              <Card hoverable size="small" style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 24, color: '#1677ff' }}>{route.icon}</div>
                <div style={{ marginTop: 8 }}>{route.label}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
