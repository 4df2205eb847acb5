/** Where tapping a home banner goes. */
export const BannerLinkType = { NONE: 'NONE', PRODUCT: 'PRODUCT', CATEGORY: 'CATEGORY', PAGE: 'PAGE' } as const;
export type BannerLinkType = (typeof BannerLinkType)[keyof typeof BannerLinkType];

/** `GET /api/banners`: the home banners showing now, in order. */
export interface BannerView {
  id: number;
  title: string;
  image: string;
  linkType: BannerLinkType;
  /** Product id, category name or storefront page path, by `linkType`; empty for NONE. */
  linkTarget: string;
}

export interface AdminBannerView extends BannerView {
  sortOrder: number;
  /** Shown from this instant (null: already) until `activeTo` (null: no end). */
  activeFrom: string | null;
  activeTo: string | null;
  createdAt: string;
  updatedAt: string;
  /** The link as staff read it (product title, page name, category); lists only. */
  linkLabel?: string;
}

export interface BannerInput {
  title: string;
  image: string;
  linkType: BannerLinkType;
  linkTarget?: string;
  sortOrder?: number;
  activeFrom?: string | null;
  activeTo?: string | null;
}
