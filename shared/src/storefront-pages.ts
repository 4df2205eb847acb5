/**
 * Mini-program pages staff may point a message or banner at, by their Chinese name (the paths are the
 * storefront's routes in miniprogram/src/routes.ts, written without the leading slash as WeChat's `page` wants).
 */
export const STOREFRONT_PAGES: { path: string; label: string }[] = [
  { path: 'pages/membership/index', label: '会员页（续费、自动续费）' },
  { path: 'pages/home/index', label: '商城首页' },
  { path: 'packages/member/join/index', label: '开通会员' },
  { path: 'pages/profile/index', label: '我的' },
  { path: 'packages/account/orders/index', label: '我的订单' },
  { path: 'packages/account/coupons/index', label: '我的优惠券' },
  { path: 'packages/member/redeem/index', label: '兑换码兑换' },
  { path: 'packages/member/gift-membership/index', label: '赠送会员' },
  { path: 'pages/cart/index', label: '购物车' },
];

/** A page path as staff read it: its name, or "其他页面" for a path this list does not know. */
export function storefrontPageLabel(path: string): string {
  const bare = path.replace(/^\//, '').split('?')[0];
  return STOREFRONT_PAGES.find((page) => page.path === bare)?.label ?? '其他小程序页面';
}
