import type { BenefitType, TermUnit, TierStatus } from './enums';
import type { Fen } from './money';

export interface BenefitView {
  id: number;
  type: BenefitType;
  title: string;
  description: string;
  /** Icon name the clients map to an icon (e.g. "gift", "price", "clock"). */
  icon: string;
  /** Type-specific settings, e.g. { hours: 48 } for PRIORITY_ACCESS. */
  config?: Record<string, unknown>;
  /** Draft → active → archived (lifecycle.ts); an archived benefit keeps serving the terms that hold it. */
  status: TierStatus;
}

export interface GiftPackItemView {
  skuId: number;
  productTitle: string;
  skuName: string;
  quantity: number;
  /** The SKU's list price: what one unit inside the pack is worth. */
  unitValueFen: Fen;
  /** The product's pictures (the storefront shows the first as the item's thumbnail). */
  images: string[];
}

export interface GiftPackSummary {
  id: number;
  name: string;
  valueFen: Fen;
  inStock: boolean;
  image?: string | null;
  description?: string;
  /** What is inside, when the server loaded it (the pack choice shows it). */
  items?: GiftPackItemView[];
  /** Σ unit value × quantity of `items`. */
  contentsValueFen?: Fen;
}

export interface GiftPackView extends GiftPackSummary {
  /** Draft → active → archived (lifecycle.ts); an archived pack is offered to no new buyer. */
  status: TierStatus;
  archivedAt: string | null;
  stock: number;
  /** Standalone selling price (staff only): allocates a membership fee between pack and service. */
  standaloneFen: Fen | null;
  /** Σ SKU list price × quantity of the contents; staff are warned when the declared `valueFen` differs. */
  contentsValueFen: Fen;
  items: GiftPackItemView[];
}

/** A tier as the storefront sees it (`GET /api/tiers`). Exactly one of termMonths / termDays is set. */
export interface TierView {
  id: number;
  code: string;
  name: string;
  description: string;
  priceFen: Fen;
  termMonths?: number;
  termDays?: number;
  image?: string | null;
  sortOrder: number;
  /** Default member discount for SKUs without a price on this tier's list. */
  defaultDiscountBp: number;
  giftPackChoices: number;
  /** Days of the free trial a customer may take once (0: no trial). */
  trialDays: number;
  benefits: BenefitView[];
  giftPacks: GiftPackSummary[];
  /** Price of each auto-renewed term (WeChat deduction contract); null when the tier offers no auto-renew. */
  autoRenewPriceFen: Fen | null;
}

export interface AdminTierView extends Omit<TierView, 'giftPacks'> {
  status: TierStatus;
  /** Standalone selling price of the membership service (staff only). */
  serviceStandaloneFen: Fen | null;
  giftPacks: GiftPackView[];
  createdAt: string;
  updatedAt: string;
}

export interface SkuView {
  id: number;
  code: string;
  name: string;
  listPriceFen: Fen;
  /** What an active member of the caller's tier pays (or of the cheapest active tier for non-members). */
  memberPriceFen: Fen;
  /** What this caller pays now. */
  priceFen: Fen;
  /** What the member price takes off one unit (the storefront prints it, never subtracts). */
  memberSavingsFen: Fen;
  stock: number;
  /** This variant's own pictures (empty: show the product's). */
  images: string[];
}

export interface ProductView {
  id: number;
  title: string;
  subtitle: string;
  description: string;
  category: string;
  images: string[];
  skus: SkuView[];
  /** Set while the product is in its member-first window: only active members see it until then. */
  memberFirstUntil?: string;
  /** Largest saving a member gets on one unit, for the "members save ¥X" upsell. */
  memberSavingsFen: Fen;
  /** Whether the saving depends on the SKU picked ("最高省" rather than "会员省"). */
  memberSavingsVary: boolean;
}

export interface CategoryView {
  name: string;
  productCount: number;
}

export interface MilestoneView {
  id: number;
  thresholdFen: Fen;
  title: string;
  description: string;
  giftPackId?: number | null;
  giftPack?: GiftPackSummary | null;
  benefits: BenefitView[];
  /** Draft → active → archived (lifecycle.ts); an archived milestone serves only runs begun before it was archived. */
  status: TierStatus;
  archivedAt: string | null;
}

export const TermUnitLabel: Record<TermUnit, string> = { MONTH: '个月', DAY: '天' };
