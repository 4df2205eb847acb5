import type { CustomerSummary } from './auth';
import type { CarrierCode } from './carriers';
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
  /** The goods at the prices charged, before shipping and coupon (stored at order time). */
  goodsFen: Fen;
  /** What member prices saved on this order (stored at order time; 0 for gifts and membership fees). */
  savingsFen: Fen;
  /** Refunds that succeeded. */
  refundedFen: Fen;
  /** Part of `totalFen`: the shipping fee charged (0 when free). */
  shippingFen: Fen;
  /** Taken off `totalFen` by the coupon applied (0 when none). */
  couponDiscountFen: Fen;
  /** Shipped goods: the courier and tracking number. */
  shipment?: ShipmentView | null;
  /** The customer's view of the refunds made on this order (succeeded, processing or failed), oldest first. */
  refunds?: OrderRefundLine[];
  /** The customer's own orders (list and detail): whether 申请售后 can be asked for now, decided by the server. */
  afterSales?: AfterSalesEligibilityView | null;
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

/** Whether an after-sales request can be made on an order now, and the most it may ask back. */
export interface AfterSalesEligibilityView {
  canApply: boolean;
  /** What a request may ask back at most (0 when nothing is left to refund). */
  refundableFen: Fen;
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

/**
 * An order's money as the server computed it, every step named so staff can reconcile what the customer paid:
 * goodsListFen − memberSavingsFen − waivedFen = goodsFen; goods plus shipping less the coupon is the total;
 * paidFen − refundedFen = netPaidFen.
 */
export interface OrderMoneyView {
  /** The goods at list price. */
  goodsListFen: Fen;
  memberSavingsFen: Fen;
  /** Taken off the goods otherwise: a gift pack given free, or a fee sold below its list price. */
  waivedFen: Fen;
  /** The goods at the price charged. */
  goodsFen: Fen;
  shippingFen: Fen;
  couponDiscountFen: Fen;
  totalFen: Fen;
  /** What the customer paid (0 while unpaid or when closed unpaid). */
  paidFen: Fen;
  /** Refunds that succeeded. */
  refundedFen: Fen;
  /** Refunds under way at WeChat (processing or abnormal). */
  refundingFen: Fen;
  /** Refund requests waiting for approval. */
  pendingRequestFen: Fen;
  /** Paid less refunded: what the shop keeps. */
  netPaidFen: Fen;
}

/** What staff may do next with an order (computed by the server from the state machine and the refund rules). */
export type OrderActionCode = 'SHIP' | 'CANCEL_GIFT' | 'REFUND';

export interface OrderActionView {
  action: OrderActionCode;
  /** The action applies to this order but cannot run yet: why, in Chinese (the button is shown disabled). */
  blockedReason?: string | null;
}

/** An order as staff see it: with its customer, its WeChat payment and every refund. */
export interface AdminOrderView extends OrderView {
  customer: CustomerSummary;
  payment?: PaymentView | null;
  refunds: RefundView[];
  /** Refunds above a limit waiting for finance or admin (and decided ones), newest first. */
  refundRequests?: RefundRequestView[];
  money: OrderMoneyView;
  /** The order's next allowed actions (on the order detail; absent in lists). */
  nextActions?: OrderActionView[];
}

/** What staff see before confirming a membership refund. */
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

/** `POST /api/admin/orders/:id/refunds`: staff refund an order, the whole refundable amount when none is given. */
export interface CreateRefundRequest {
  amountFen?: number;
  reason: string;
}

/** `POST /api/admin/orders/:id/refunds` answers a refund (201) or, above the caller's limit, a request (202). */
export type CreateRefundResponse = RefundView | { request: RefundRequestView };

export type CouponStatus = 'AVAILABLE' | 'LOCKED' | 'USED' | 'EXPIRED' | 'VOID';

/** `GET /api/me/coupons`: a coupon the member holds. */
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
  /** What member prices take off the list price (0 unless the caller is an active member). */
  memberSavingsFen: Fen;
  /**
   * Non-members: what joining the shown tier changes for this basket ("开通会员本单可省"): the member prices' saving
   * plus the shipping difference; 0 for members.
   */
  memberUpsellFen: Fen;
  /** The shipping part of the upsell: what a member would pay less in shipping (negative: more); 0 for members. */
  memberUpsellShippingFen: Fen;
  shippingFen: Fen;
  /** Why shipping is free, when it is. */
  freeShippingReason?: 'MEMBER_BENEFIT' | 'THRESHOLD';
  /** "再买 X 即可包邮": what more goods reach the free-shipping threshold; null when it ships free or never can. */
  freeShippingShortfallFen: Fen | null;
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
  carrier: CarrierCode;
  trackingNo: string;
}

/** `POST /api/admin/orders/ship-batch`: what each row of the shipping file became. */
/** `POST /api/admin/orders/ship-batch`: every row of the shipping file and what became of it (or would, in a preview). */
export interface BulkShipResult {
  /** Rows shipped (in a preview: rows that would ship). */
  shipped: number;
  failed: number;
  /** Rows already shipped with this very courier and tracking number (a file applied twice): nothing to do. */
  skipped?: number;
  preview?: boolean;
  rows: BulkShipRowView[];
}

export interface BulkShipRowView {
  line: number;
  outTradeNo: string;
  /** The delivery address's name, when the order was found. */
  recipient?: string | null;
  carrier: string;
  /** The courier's Chinese name, when recognised. */
  carrierName?: string | null;
  trackingNo: string;
  ok: boolean;
  skipped?: boolean;
  /** Why the row does not ship, in Chinese. */
  error?: string;
}

/** A refund of an order as the customer sees it on the order detail. */
export interface OrderRefundLine {
  id: number;
  amountFen: Fen;
  status: RefundStatus;
  createdAt: string;
  succeededAt?: string | null;
}

/** `POST /api/orders/:id/reorder`: what of an earlier order can go into the cart again, and what cannot. */
export interface ReorderResult {
  /** Lines to add to the cart (quantity capped at the stock left). */
  items: { productId: number; skuId: number; quantity: number }[];
  /** Lines left out or cut, with the reason in Chinese (已下架 / 已售罄 / 库存仅剩 N 件). */
  unavailable: { name: string; reason: string }[];
}

/** `GET /api/orders/counts`: the badges on 我的 (售后: requests still open). */
export interface MyOrderCounts {
  toPay: number;
  toShip: number;
  toReceive: number;
  afterSales: number;
}

/**
 * The words of an order's money, used by the admin's order detail and the storefront's alike, so both sides
 * name each figure the same way.
 */
export const ORDER_MONEY_LABELS = {
  listTotal: '商品原价',
  goods: '商品金额',
  memberSavings: '会员优惠',
  coupon: '优惠券',
  shipping: '运费',
  total: '实付金额',
  due: '应付金额',
  refunded: '已退款',
  refunds: '退款记录',
} as const;

/** A refund's status in the words both apps print. */
export const REFUND_STATUS_TEXT: Record<RefundStatus, string> = {
  PROCESSING: '退款中',
  FAILED: '退款失败',
  SUCCESS: '退款成功',
  CLOSED: '已关闭',
  ABNORMAL: '退款异常',
};
