import type { BenefitType, TierStatus } from './enums';
import type { LifecycleStatus } from './lifecycle';
import type { Fen } from './money';

export interface CreateTierRequest {
  code: string;
  name: string;
  description?: string;
  priceFen: Fen;
  termMonths?: number;
  termDays?: number;
  image?: string | null;
  sortOrder?: number;
  defaultDiscountBp?: number;
  giftPackChoices?: number;
  /** Standalone selling price of the membership service alone, fen; with a pack's, allocates the fee (IFRS 15). null clears it. */
  serviceStandaloneFen?: Fen | null;
  /** Free trial days offered once per customer; 0 = none. */
  trialDays?: number;
  benefitIds?: number[];
  giftPackIds?: number[];
  /** Offer auto-renew at this price per term (null: no auto-renew). */
  autoRenewPriceFen?: Fen | null;
}

export type UpdateTierRequest = Partial<CreateTierRequest> & { status?: TierStatus };

export interface CreateBenefitRequest {
  type: BenefitType;
  title: string;
  description?: string;
  icon?: string;
  config?: Record<string, unknown>;
  /** DRAFT or ACTIVE (default) at creation; later ARCHIVED. */
  status?: LifecycleStatus;
}
export type UpdateBenefitRequest = Partial<CreateBenefitRequest>;

export interface GiftPackItemInput {
  skuId: number;
  quantity: number;
}

export interface CreateGiftPackRequest {
  name: string;
  description?: string;
  valueFen: Fen;
  /** Standalone selling price, fen; with the tier's service price, allocates the fee (IFRS 15). null clears it. */
  standaloneFen?: Fen | null;
  stock: number;
  image?: string | null;
  items: GiftPackItemInput[];
  status?: LifecycleStatus;
}
export type UpdateGiftPackRequest = Partial<CreateGiftPackRequest>;

export interface CreateMilestoneRequest {
  thresholdFen: Fen;
  title: string;
  description?: string;
  giftPackId?: number | null;
  benefitIds?: number[];
  status?: LifecycleStatus;
}
export type UpdateMilestoneRequest = Partial<CreateMilestoneRequest>;

export interface SkuInput {
  code: string;
  name: string;
  listPriceFen: Fen;
  stock: number;
  /** Pictures of this variant (shown when the customer picks it); the product's pictures otherwise. */
  images?: string[];
}

export interface CreateProductRequest {
  title: string;
  subtitle?: string;
  description?: string;
  category: string;
  images?: string[];
  onSale?: boolean;
  /** Before this instant only active members see and buy the product. */
  publicFrom?: string | null;
  skus: SkuInput[];
}
export type UpdateProductRequest = Partial<Omit<CreateProductRequest, 'skus'>>;
export type UpdateSkuRequest = Partial<SkuInput> & {
  /** Lowering the list price below member prices lowers those member prices with it (else 409 MEMBER_PRICE_ABOVE_LIST, details.tiers). */
  clampMemberPrices?: boolean;
};

/** One entry of a tier's price list: this SKU costs `priceFen` for members of `tierId`. */
export interface MemberPriceInput {
  tierId: number;
  priceFen: Fen;
}

export interface SetMemberPricesRequest {
  prices: MemberPriceInput[];
}

export interface AdminSkuView {
  id: number;
  code: string;
  name: string;
  listPriceFen: Fen;
  stock: number;
  images: string[];
  memberPrices: MemberPriceInput[];
}

export interface AdminProductView {
  id: number;
  title: string;
  subtitle: string;
  description: string;
  category: string;
  images: string[];
  onSale: boolean;
  publicFrom: string | null;
  skus: AdminSkuView[];
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogView {
  id: number;
  staffId: number | null;
  staffUsername: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The target as staff name it (order number, member name and phone tail, product title…); null when gone. */
  entityName?: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** `GET /api/admin/alerts`: something staff must look at (e.g. a refund below a rewarded milestone). */
export interface StaffAlertView {
  id: number;
  kind: 'MILESTONE_SPEND_DROPPED' | 'REFUND_BENEFITS_USED';
  customerId: number;
  orderId: number | null;
  message: string;
  details: Record<string, unknown> | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy?: string | null;
  resolutionNote?: string | null;
}

/** `POST /api/admin/products/on-sale`: puts several products on or off sale at once. */
export interface SetOnSaleRequest {
  productIds: number[];
  onSale: boolean;
}

export interface SetOnSaleResult {
  changed: number;
  unchanged: number;
}

/** `GET /api/admin/product-sales?productIds=`: units sold on paid product orders (refunded ones excluded). */
export interface ProductSalesView {
  productId: number;
  unitsSold: number;
  salesFen: Fen;
}
