import type { AdminBannerView, BannerView } from '@member-commerce/shared';
import type { Banner } from './banner.entity';

export const toBannerView = (banner: Banner): BannerView => ({
  id: banner.id,
  title: banner.title,
  image: banner.image,
  linkType: banner.linkType,
  linkTarget: banner.linkTarget,
});

export const toAdminBannerView = (banner: Banner): AdminBannerView => ({
  ...toBannerView(banner),
  sortOrder: banner.sortOrder,
  activeFrom: banner.activeFrom?.toISOString() ?? null,
  activeTo: banner.activeTo?.toISOString() ?? null,
  createdAt: banner.createdAt.toISOString(),
  updatedAt: banner.updatedAt.toISOString(),
});
