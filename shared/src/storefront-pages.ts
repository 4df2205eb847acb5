/**
 * The storefront's pages, in one place: the mini-program's app.config.ts derives `pages` / `subPackages` from
 * `Routes` and all its navigation uses these constants; the server and the admin name pages (message links, banners)
 * from the same list. Tab pages live in the main package; the rest in subpackages (keeps the weapp main package small).
 */
export const Routes = {
  home: '/pages/home/index',
  membership: '/pages/membership/index',
  cart: '/pages/cart/index',
  profile: '/pages/profile/index',
  product: '/packages/shop/product/index',
  checkout: '/packages/shop/checkout/index',
  orderResult: '/packages/shop/order-result/index',
  join: '/packages/member/join/index',
  joinSuccess: '/packages/member/join-success/index',
  giftPacks: '/packages/member/gift-packs/index',
  redeem: '/packages/member/redeem/index',
  giftMembership: '/packages/member/gift-membership/index',
  orders: '/packages/account/orders/index',
  orderDetail: '/packages/account/order-detail/index',
  afterSales: '/packages/account/after-sales/index',
  afterSalesApply: '/packages/account/after-sales-apply/index',
  addresses: '/packages/account/addresses/index',
  addressEdit: '/packages/account/address-edit/index',
  coupons: '/packages/account/coupons/index',
  profileEdit: '/packages/account/profile-edit/index',
  search: '/packages/discover/search/index',
  category: '/packages/discover/category/index',
  devLogin: '/packages/dev/login/index',
  devPay: '/packages/dev/pay/index',
} as const;

export type Route = (typeof Routes)[keyof typeof Routes];

export const TabRoutes: readonly Route[] = [Routes.home, Routes.membership, Routes.cart, Routes.profile];

export const SubpackageRoots = [
  'packages/shop',
  'packages/member',
  'packages/account',
  'packages/discover',
  'packages/dev',
] as const;

/** A route as WeChat's `page` fields want it: without the leading slash. */
export const pagePath = (route: Route): string => route.replace(/^\//, '');

/** Mini-program pages staff may point a subscription message at, by their Chinese name. */
export const STOREFRONT_PAGES: { path: string; label: string }[] = [
  { path: pagePath(Routes.membership), label: '会员页（续费、自动续费）' },
  { path: pagePath(Routes.home), label: '商城首页' },
  { path: pagePath(Routes.join), label: '开通会员' },
  { path: pagePath(Routes.profile), label: '我的' },
  { path: pagePath(Routes.orders), label: '我的订单' },
  { path: pagePath(Routes.coupons), label: '我的优惠券' },
  { path: pagePath(Routes.redeem), label: '兑换码兑换' },
  { path: pagePath(Routes.giftMembership), label: '赠送会员' },
  { path: pagePath(Routes.cart), label: '购物车' },
];

/** Storefront pages a banner may open (routes as the mini-program navigates to them, with the leading slash). */
export const BANNER_PAGES: { value: Route; label: string }[] = [
  { value: Routes.membership, label: '会员中心' },
  { value: Routes.search, label: '搜索' },
  { value: Routes.category, label: '分类' },
  { value: Routes.giftPacks, label: '我的礼包' },
];

/** A page path as staff read it: its name, or "其他小程序页面" for a path neither list knows. */
export function storefrontPageLabel(path: string): string {
  const bare = path.replace(/^\//, '').split('?')[0];
  return (
    STOREFRONT_PAGES.find((page) => page.path === bare)?.label ??
    BANNER_PAGES.find((page) => pagePath(page.value) === bare)?.label ??
    '其他小程序页面'
  );
}
