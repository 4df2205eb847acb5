import type { CustomerSummary } from './auth';
import type { OrderKind, OrderStatus, PaymentStatus, RefundStatus } from './enums';
import type { Fen } from './money';

export interface OrderItemRequest {
  skuId: number;
  quantity: number;
}

/** `POST /api/orders`: the client names what it wants; the server decides every price. */
export interface CreateProductOrderRequest {
  items: OrderItemRequest[];
  addressId?: number;
  /** One coupon per order; the server checks and applies it. */
  couponId?: number;
}

/** `POST /api/orders/membership` */
export interface CreateMembershipOrderRequest {
  tierId: number;
  giftPackId?: number;
  /** Where the welcome gift goes (default: the customer's default address). */
  addressId?: number;
  /** The member agreement version the buyer accepted (`GET /api/membership-agreement`). */
  agreementVersion?: number;
}

export interface OrderLineView {
  id: number;
  skuId?: number | null;
  giftPackId?: number | null;
  name: string;
  image?: string | null;
  quantity: number;
  unitListPriceFen: Fen;
  unitPriceFen: Fen;
  lineTotalFen: Fen;
}

export interface AddressView {
  id: number;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
}

/** An address as frozen on an order. */
export type AddressSnapshot = Omit<AddressView, 'id' | 'isDefault'>;

export type AddressInput = Omit<AddressView, 'id' | 'isDefault'> & { isDefault?: boolean };

export interface OrderView {
  id: number;
  outTradeNo: string;
  kind: OrderKind;
  status: OrderStatus;
  totalFen: Fen;
  listTotalFen: Fen;
  savingsFen: Fen;
  /** Refunds that succeeded. */
  refundedFen: Fen;
  /** Part of `totalFen`: the shipping fee charged (0 when free). */
  shippingFen: Fen;
  /** Taken off `totalFen` by the coupon applied (0 when none). */
  couponDiscountFen: Fen;
  /** Shipped goods: the courier and tracking number. */
  shipment?: ShipmentView | null;
  /** The tier whose member price was applied, decided when the price was computed. */
  pricedAsTierId?: number | null;
  /** Staff order detail: the name of `pricedAsTierId`'s tier. */
  pricedAsTierName?: string | null;
  tierId?: number | null;
  giftPackId?: number | null;
  /** Membership orders: the member agreement version the buyer accepted. */
  agreementVersion?: number | null;
  lines: OrderLineView[];
  address?: Omit<AddressView, 'id' | 'isDefault'> | null;
  createdAt: string;
  paidAt?: string | null;
  expiresAt?: string | null;
  closedAt?: string | null;
}

/** The arguments of `wx.requestPayment`, signed by the server. */
export interface WechatPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface CreateOrderResponse {
  order: Pick<OrderView, 'id' | 'outTradeNo' | 'status' | 'totalFen'> & Partial<OrderView>;
  payment: WechatPaymentParams;
}

export interface PaymentView {
  id: number;
  orderId: number;
  transactionId?: string | null;
  amountFen: Fen;
  status: PaymentStatus;
  flagReason?: string | null;
  /** A flagged payment's end: its money refunded, or staff accepted/dismissed it (null while open). */
  resolution?: FlaggedPaymentResolution | null;
  resolvedAt?: string | null;
  resolvedBy?: string | null;
  resolutionNote?: string | null;
  createdAt: string;
}

export type FlaggedPaymentResolution = 'REFUNDED' | 'RESOLVED';

export interface RefundView {
  id: number;
  orderId: number;
  outRefundNo: string;
  amountFen: Fen;
  status: RefundStatus;
  reason: string;
  createdAt: string;
  succeededAt?: string | null;
  /** FAILED / ABNORMAL / CLOSED: why, in Chinese, for staff. */
  failureReason?: string | null;
  /** Queued: WeChat takes one refund of an order a minute; it is sent to WeChat at this time. */
  queuedUntil?: string | null;
  /** An abnormal refund staff paid back outside WeChat Pay. */
  offline?: boolean;
}

/** An order as staff see it: with its customer, its WeChat payment and every refund. */
export interface AdminOrderView extends OrderView {
  customer: CustomerSummary;
  payment?: PaymentView | null;
  refunds: RefundView[];
  /** Refunds above a limit waiting for finance or admin (and decided ones), newest first. */
  refundRequests?: RefundRequestView[];
}

/** What staff see before confirming a membership refund (DESIGN.md "Refund of a membership order"). */
export interface RefundQuote {
  orderId: number;
  paidFen: Fen;
  alreadyRefundedFen: Fen;
  giftValueUsedFen: Fen;
  memberSavingsUsedFen: Fen;
  /** Coupon discounts (from this term's coupons) on paid orders. */
  couponValueUsedFen: Fen;
  refundableFen: Fen;
  fullRefundAllowed: boolean;
  rule: string;
  /** A refund request of this order waiting for approval: no other refund starts until it is decided. */
  pendingRequest?: { id: number; amountFen: Fen; requestedBy: string } | null;
}

export type RefundRequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** A refund above the requester's limit, waiting for finance or admin (`/api/admin/refund-requests`). */
export interface RefundRequestView {
  id: number;
  orderId: number;
  amountFen: Fen;
  reason: string;
  status: RefundRequestStatus;
  requestedBy: string;
  decidedBy?: string | null;
  decisionNote?: string | null;
  decidedAt?: string | null;
  createdAt: string;
  /** The refund made on approval. */
  refund?: RefundView | null;
}

/** `POST /api/admin/orders/:id/refunds` answers a refund (201) or, above the caller's limit, a request (202). */
export type CreateRefundResponse = RefundView | { request: RefundRequestView };

export type CouponStatus = 'AVAILABLE' | 'LOCKED' | 'USED' | 'EXPIRED' | 'VOID';

/** `GET /api/me/coupons`: a coupon the member holds (API.md). */
export interface CouponView {
  id: number;
  title: string;
  amountFen: Fen;
  thresholdFen: Fen;
  validFrom: string;
  validTo: string;
  status: CouponStatus;
  /** The order it is locked to or was used on. */
  orderId?: number | null;
}

/** A coupon as the checkout sees it: whether it applies to these items and what it takes off. */
export interface CheckoutCouponView extends CouponView {
  applicable: boolean;
  discountFen: Fen;
  /** Why it does not apply (threshold not reached, not valid yet …). */
  reason?: string;
}

/** `POST /api/orders/quote`: what the order would cost now, computed by the server exactly as checkout will. */
export interface CheckoutQuote {
  lines: OrderLineView[];
  listTotalFen: Fen;
  /** Goods at the caller's prices (member prices while the membership is active). */
  goodsFen: Fen;
  memberSavingsFen: Fen;
  shippingFen: Fen;
  /** Why shipping is free, when it is. */
  freeShippingReason?: 'MEMBER_BENEFIT' | 'THRESHOLD';
  /** The flat fee and the free-above threshold in force. */
  shippingPolicy: ShippingPolicyView;
  couponId?: number | null;
  couponDiscountFen: Fen;
  totalFen: Fen;
  coupons: CheckoutCouponView[];
}

/** The shop's shipping fee: a flat fee, waived above a threshold and for tiers with FREE_SHIPPING. */
export interface ShippingPolicyView {
  flatFeeFen: Fen;
  /** Orders whose goods reach this amount ship free; null: never. */
  freeAboveFen: Fen | null;
}

/** Goods handed to a courier. */
export interface ShipmentView {
  carrier: string;
  carrierName: string;
  trackingNo: string;
  shippedAt?: string | null;
}

/** `POST /api/admin/orders/:id/ship` */
export interface ShipOrderRequest {
  carrier: string;
  trackingNo: string;
}

/** `POST /api/admin/orders/ship-batch`: what each row of the shipping file became. */
export interface BulkShipResult {
  shipped: number;
  failed: number;
  rows: { line: number; outTradeNo: string; carrier: string; trackingNo: string; ok: boolean; error?: string }[];
}
