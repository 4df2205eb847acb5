import type { AdminBannerView, BannerLinkType } from '@member-commerce/shared';

export const LINK_TYPE_LABELS: Record<BannerLinkType, string> = {
  PRODUCT: '商品详情',
  CATEGORY: '分类页',
  PAGE: '小程序页面',
  NONE: '不跳转',
};

export type BannerState = 'showing' | 'scheduled' | 'ended';

/** Whether the storefront shows the banner now, later, or no more (the server decides with the same rule). */
export function bannerState(banner: AdminBannerView, now = new Date()): BannerState {
  if (banner.activeTo && new Date(banner.activeTo) <= now) return 'ended';
  if (banner.activeFrom && new Date(banner.activeFrom) > now) return 'scheduled';
  return 'showing';
}
