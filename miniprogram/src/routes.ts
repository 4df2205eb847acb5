/**
 * Every page path, in one place: app.config.ts derives `pages` / `subPackages` from it and all
 * navigation uses these constants. Tab pages live in the main package; the rest in subpackages
 * (keeps the weapp main package small).
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
