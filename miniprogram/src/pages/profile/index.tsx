import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CustomerOrderGroup, type MyOrderCounts } from '@member-commerce/shared';
import {
  Coupon,
  Gift,
  Location,
  Order,
  Refresh,
  Refund,
  Star,
  ToPay,
  Transit,
  WaitReceive,
} from '../../components/icons';
import { PageState } from '../../components/page-state';
import { ServiceContact } from '../../components/service-contact';
import { useAsync } from '../../hooks/use-async';
import { useProfile } from '../../hooks/use-profile';
import { getOrderCounts } from '../../services/api/orders';
import { Routes, type Route } from '../../routes';
import { logout } from '../../services/auth';
import { isH5 } from '../../services/env';
import { go, goLogin } from '../../services/navigation';
import { formatDate } from '../../utils/format';
import { mediaUrl } from '../../utils/media';
import './index.css';

const ICON_COLOR = '#b8893e';

/** The four order shortcuts with their counts from `GET /api/orders/counts`. */
const orderShortcuts: { label: string; icon: React.ReactNode; count: keyof MyOrderCounts; open: () => void }[] = [
  {
    label: '待付款',
    icon: <ToPay color={ICON_COLOR} size={24} />,
    count: 'toPay',
    open: () => go(Routes.orders, { tab: CustomerOrderGroup.TO_PAY }),
  },
  {
    label: '待发货',
    icon: <WaitReceive color={ICON_COLOR} size={24} />,
    count: 'toShip',
    open: () => go(Routes.orders, { tab: CustomerOrderGroup.TO_SHIP }),
  },
  {
    label: '待收货',
    icon: <Transit color={ICON_COLOR} size={24} />,
    count: 'toReceive',
    open: () => go(Routes.orders, { tab: CustomerOrderGroup.TO_RECEIVE }),
  },
  {
    label: '售后',
    icon: <Refund color={ICON_COLOR} size={24} />,
    count: 'afterSales',
    open: () => go(Routes.afterSales),
  },
];

const menu: { label: string; icon: React.ReactNode; route: Route }[] = [
  { label: '我的订单', icon: <Order color={ICON_COLOR} />, route: Routes.orders },
  { label: '我的礼包', icon: <Gift color={ICON_COLOR} />, route: Routes.giftPacks },
  { label: '我的优惠券', icon: <Coupon color={ICON_COLOR} />, route: Routes.coupons },
  { label: '售后', icon: <Refund color={ICON_COLOR} />, route: Routes.afterSales },
  { label: '收货地址', icon: <Location color={ICON_COLOR} />, route: Routes.addresses },
  { label: '会员中心', icon: <Star color={ICON_COLOR} />, route: Routes.membership },
];

export default function ProfilePage() {
  const { data, error, loading, reload } = useProfile();
  const m = data?.membership;
  const loggedIn = Boolean(data?.loggedIn);
  const counts = useAsync(async () => (loggedIn ? getOrderCounts() : undefined), [loggedIn], { onShow: true });

  async function switchUser() {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后可用其他名字重新登录（开发模式）' });
    if (!confirm) return;
    logout();
    goLogin();
  }

  return (
    <View className='page profile'>
      <PageState loading={loading} error={error} hasData={Boolean(data)} onRetry={reload}>
        <View className='profile__head'>
          {data?.avatarUrl ? (
            <Image className='profile__avatar' src={mediaUrl(data.avatarUrl) ?? ''} mode='aspectFill' />
          ) : (
            <View className='profile__avatar'>{(data?.name || '客').slice(0, 1).toUpperCase()}</View>
          )}
          {data?.loggedIn ? (
            <View className='profile__who' onClick={() => go(Routes.profileEdit)} data-testid='profile-edit-link'>
              <Text className='profile__name' data-testid='profile-name'>
                {data.name} <Text className='profile__edit-hint'>编辑资料 ›</Text>
              </Text>
              <Text className='profile__member'>
                {m?.status === 'ACTIVE'
                  ? `${m.tier?.name} · ${formatDate(m.termEnd)} 到期`
                  : m?.status === 'EXPIRED'
                    ? '会员已过期'
                    : '普通用户'}
              </Text>
            </View>
          ) : (
            <View className='profile__who' onClick={goLogin}>
              <Text className='profile__name'>点击登录</Text>
              <Text className='profile__member'>登录后查看订单与会员权益</Text>
            </View>
          )}
        </View>
        <View className='card'>
          <View className='row row--between'>
            <Text className='card__title'>我的订单</Text>
            <Text className='muted' onClick={() => go(Routes.orders)}>
              全部订单 ›
            </Text>
          </View>
          <View className='profile__shortcuts'>
            {orderShortcuts.map((s) => (
              <View
                key={s.label}
                className='profile__shortcut'
                onClick={s.open}
                data-testid={`profile-count-${s.count}`}
              >
                <View className='profile__shortcut-icon'>
                  {s.icon}
                  {(counts.data?.[s.count] ?? 0) > 0 && (
                    <Text className='profile__badge'>{Math.min(counts.data![s.count], 99)}</Text>
                  )}
                </View>
                <Text className='profile__shortcut-label'>{s.label}</Text>
              </View>
            ))}
          </View>
        </View>
        {m?.status === 'ACTIVE' && <ServiceContact />}
        <View className='card profile__menu'>
          {menu.map((item) => (
            <View key={item.route} className='profile__menu-item' onClick={() => go(item.route)}>
              {item.icon}
              <Text className='profile__menu-label'>{item.label}</Text>
              <Text className='muted'>›</Text>
            </View>
          ))}
          {isH5 && data?.loggedIn && (
            <View className='profile__menu-item' onClick={switchUser}>
              <Refresh color={ICON_COLOR} />
              <Text className='profile__menu-label'>切换用户（开发模式）</Text>
              <Text className='muted'>›</Text>
            </View>
          )}
        </View>
      </PageState>
    </View>
  );
}
