import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { searchMembers } from '../../api/members';
import { searchOrders } from '../../api/orders';
import { searchProducts } from '../../api/products';
import { listTiers } from '../../api/tiers';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/page-header';
import { useAsync } from '../../hooks/use-async';
import { APP_ROUTES, PATHS } from '../../routes';

interface Counts {
  activeMembers?: number;
  activeTiers?: number;
  tiers?: number;
  products?: number;
  pendingOrders?: number;
}

/** One failing count shows "—" rather than blanking the others. */
const quiet = <T,>(promise: Promise<T>): Promise<T | undefined> => promise.catch(() => undefined);

/** Counts come from the list endpoints' totals; each is fetched only when the role may read it. */
async function loadCounts(canCatalog: boolean, canMembers: boolean, canOrders: boolean): Promise<Counts> {
  const [members, tiers, products, pending] = await Promise.all([
    canMembers ? quiet(searchMembers({ status: 'ACTIVE', pageSize: 1 })) : undefined,
    canCatalog ? quiet(listTiers()) : undefined,
    canCatalog ? quiet(searchProducts({ pageSize: 1 })) : undefined,
    canOrders ? quiet(searchOrders({ status: 'PENDING_PAYMENT', pageSize: 1 })) : undefined,
  ]);
  return {
    activeMembers: members?.total,
    tiers: tiers?.length,
    activeTiers: tiers?.filter((tier) => tier.status === 'ACTIVE').length,
    products: products?.total,
    pendingOrders: pending?.total,
  };
}

export default function DashboardPage() {
  const { staff, can } = useAuth();
  const canCatalog = can('catalog.read');
  const canMembers = can('members.read');
  const canOrders = can('orders.read');
  const { data, loading } = useAsync(() => loadCounts(canCatalog, canMembers, canOrders), [canCatalog, canMembers, canOrders]);

  const stats = [
    canMembers && { title: '有效会员', value: data?.activeMembers, to: PATHS.members },
    canCatalog && {
      title: '销售中的会员卡',
      value: data?.activeTiers,
      suffix: data?.tiers !== undefined ? `/ ${data.tiers}` : undefined,
      to: PATHS.tiers,
    },
    canCatalog && { title: '商品', value: data?.products, to: PATHS.products },
    canOrders && { title: '待支付订单', value: data?.pendingOrders, to: PATHS.orders },
  ].filter(Boolean) as { title: string; value?: number; suffix?: string; to: string }[];

  const links = APP_ROUTES.filter((route) => route.path !== PATHS.dashboard && (!route.capability || can(route.capability)));

  return (
    <>
      <PageHeader title={`你好，${staff?.username ?? ''}`}>会员体系运营概览</PageHeader>
      <Row gutter={[16, 16]}>
        {stats.map((stat) => (
          <Col key={stat.title} xs={24} sm={12} lg={6}>
            <Link to={stat.to}>
              <Card hoverable loading={loading && data === undefined}>
                <Statistic title={stat.title} value={stat.value ?? '—'} suffix={stat.suffix} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
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
