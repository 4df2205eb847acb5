import {
  AccountBookOutlined,
  AuditOutlined,
  CarOutlined,
  PictureOutlined,
  CustomerServiceOutlined,
  MoneyCollectOutlined,
  CrownOutlined,
  DashboardOutlined,
  GiftOutlined,
  KeyOutlined,
  MessageOutlined,
  NotificationOutlined,
  ShoppingOutlined,
  StarOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Capability } from './auth/permissions';

/** Route paths, used by the router, the menu and links. */
export const PATHS = {
  login: '/login',
  dashboard: '/',
  tiers: '/tiers',
  benefits: '/benefits',
  giftPacks: '/gift-packs',
  milestones: '/milestones',
  products: '/products',
  shipping: '/settings/shipping',
  priceList: '/price-list',
  banners: '/banners',
  membershipCodes: '/membership-codes',
  members: '/members',
  orders: '/orders',
  refundRequests: '/refund-requests',
  afterSales: '/after-sales',
  audit: '/audit-logs',
  staff: '/staff',
  finance: '/finance',
  reminders: '/reminders',
  devMessages: '/dev/wechat-messages',
} as const;

export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  /** Needed to see the menu entry and open the page; none = every signed-in staff member. */
  capability?: Capability;
  group: 'overview' | 'membership' | 'catalog' | 'service' | 'system';
  page: LazyExoticComponent<ComponentType>;
}

// Each page is its own chunk (route-level code splitting).
export const APP_ROUTES: AppRoute[] = [
  {
    path: PATHS.dashboard,
    label: '概览',
    icon: <DashboardOutlined />,
    group: 'overview',
    page: lazy(() => import('./pages/dashboard/dashboard-page')),
  },
  {
    path: PATHS.tiers,
    label: '会员卡',
    icon: <CrownOutlined />,
    capability: 'catalog.read',
    group: 'membership',
    page: lazy(() => import('./pages/tiers/tiers-page')),
  },
  {
    path: PATHS.benefits,
    label: '会员权益',
    icon: <StarOutlined />,
    capability: 'catalog.read',
    group: 'membership',
    page: lazy(() => import('./pages/benefits/benefits-page')),
  },
  {
    path: PATHS.giftPacks,
    label: '礼包',
    icon: <GiftOutlined />,
    capability: 'catalog.read',
    group: 'membership',
    page: lazy(() => import('./pages/gift-packs/gift-packs-page')),
  },
  {
    path: PATHS.milestones,
    label: '消费里程碑',
    icon: <TrophyOutlined />,
    capability: 'catalog.read',
    group: 'membership',
    page: lazy(() => import('./pages/milestones/milestones-page')),
  },
  {
    path: PATHS.products,
    label: '商品',
    icon: <ShoppingOutlined />,
    capability: 'catalog.read',
    group: 'catalog',
    page: lazy(() => import('./pages/products/products-page')),
  },
  {
    path: PATHS.shipping,
    label: '运费设置',
    icon: <CarOutlined />,
    capability: 'catalog.read',
    group: 'catalog',
    page: lazy(() => import('./pages/shipping/shipping-page')),
  },
  {
    path: PATHS.priceList,
    label: '会员价表',
    icon: <TagsOutlined />,
    capability: 'catalog.write',
    group: 'catalog',
    page: lazy(() => import('./pages/price-list/price-list-page')),
  },
  {
    path: PATHS.membershipCodes,
    label: '兑换码与礼品卡',
    icon: <KeyOutlined />,
    capability: 'codes.read',
    group: 'membership',
    page: lazy(() => import('./pages/membership-codes/membership-codes-page')),
  },
  {
    path: PATHS.reminders,
    label: '续费提醒',
    icon: <NotificationOutlined />,
    capability: 'reminders.read',
    group: 'membership',
    page: lazy(() => import('./pages/reminders/reminders-page')),
  },
  {
    path: PATHS.banners,
    label: '首页横幅',
    icon: <PictureOutlined />,
    capability: 'catalog.read',
    group: 'catalog',
    page: lazy(() => import('./pages/banners/banners-page')),
  },
  {
    path: PATHS.members,
    label: '会员',
    icon: <TeamOutlined />,
    capability: 'members.read',
    group: 'service',
    page: lazy(() => import('./pages/members/members-page')),
  },
  {
    path: PATHS.orders,
    label: '订单',
    icon: <UnorderedListOutlined />,
    capability: 'orders.read',
    group: 'service',
    page: lazy(() => import('./pages/orders/orders-page')),
  },
  {
    path: PATHS.afterSales,
    label: '售后',
    icon: <CustomerServiceOutlined />,
    capability: 'orders.refund',
    group: 'service',
    page: lazy(() => import('./pages/after-sales/after-sales-page')),
  },
  {
    path: PATHS.refundRequests,
    label: '退款审批',
    icon: <MoneyCollectOutlined />,
    capability: 'orders.refund',
    group: 'service',
    page: lazy(() => import('./pages/refund-requests/refund-requests-page')),
  },
  {
    path: PATHS.finance,
    label: '财务报表',
    icon: <AccountBookOutlined />,
    capability: 'finance.export',
    group: 'service',
    page: lazy(() => import('./pages/finance/finance-page')),
  },
  {
    path: PATHS.audit,
    label: '操作日志',
    icon: <AuditOutlined />,
    capability: 'audit.read',
    group: 'system',
    page: lazy(() => import('./pages/audit/audit-page')),
  },
  {
    path: PATHS.staff,
    label: '员工账号',
    icon: <UserSwitchOutlined />,
    capability: 'staff.manage',
    group: 'system',
    page: lazy(() => import('./pages/staff/staff-page')),
  },
  {
    path: PATHS.devMessages,
    label: '开发模拟器消息',
    icon: <MessageOutlined />,
    capability: 'dev.messages',
    group: 'system',
    page: lazy(() => import('./pages/dev-messages/dev-messages-page')),
  },
];

export const GROUP_LABELS: Record<AppRoute['group'], string> = {
  overview: '',
  membership: '会员体系',
  catalog: '商城',
  service: '会员与订单',
  system: '系统',
};
