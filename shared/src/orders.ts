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
}

/** `POST /api/orders/membership` */
export interface CreateMembershipOrderRequest {
  tierId: number;
  giftPackId?: number;
  /** Where the welcome gift goes (default: the customer's default address). */
  addressId?: number;
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
  /** The tier whose member price was applied, decided when the price was computed. */
  pricedAsTierId?: number | null;
  tierId?: number | null;
  giftPackId?: number | null;
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
  createdAt: string;
}

export interface RefundView {
  id: number;
  orderId: number;
  outRefundNo: string;
  amountFen: Fen;
  status: RefundStatus;
  reason: string;
  createdAt: string;
  succeededAt?: string | null;
}

/** An order as staff see it: with its customer, its WeChat payment and every refund. */
export interface AdminOrderView extends OrderView {
  customer: CustomerSummary;
  payment?: PaymentView | null;
  refunds: RefundView[];
}

/** What staff see before confirming a membership refund (DESIGN.md "Refund of a membership order"). */
export interface RefundQuote {
  orderId: number;
  paidFen: Fen;
  alreadyRefundedFen: Fen;
  giftValueUsedFen: Fen;
  memberSavingsUsedFen: Fen;
  refundableFen: Fen;
  fullRefundAllowed: boolean;
  rule: string;
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
