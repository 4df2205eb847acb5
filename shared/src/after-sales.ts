import type { Fen } from './money';
import type { RefundStatus } from './enums';
import type { RefundRequestStatus } from './orders';
import type { CarrierCode } from './carriers';

export const AfterSalesType = { REFUND_ONLY: 'REFUND_ONLY', RETURN_REFUND: 'RETURN_REFUND' } as const;
export type AfterSalesType = (typeof AfterSalesType)[keyof typeof AfterSalesType];

/**
 * PENDING → staff approve: REFUND_ONLY refunds at once (REFUNDING, or REFUND_REQUESTED when the amount passes the
 * approver's limit and waits for finance); RETURN_REFUND first waits for the goods (AWAITING_RETURN), then
 * "received" refunds. The request then follows its refund request and its refund: REFUNDING → REFUNDED when the
 * money is back, REFUND_FAILED when WeChat refused it (staff retry it, or close it: CLOSED), REJECTED when finance
 * rejects the refund request. PENDING or AWAITING_RETURN may be REJECTED by staff or CANCELLED by the customer.
 */
export const AfterSalesStatus = {
  PENDING: 'PENDING',
  AWAITING_RETURN: 'AWAITING_RETURN',
  REFUND_REQUESTED: 'REFUND_REQUESTED',
  REFUNDING: 'REFUNDING',
  REFUND_FAILED: 'REFUND_FAILED',
  REFUNDED: 'REFUNDED',
  REJECTED: 'REJECTED',
  CLOSED: 'CLOSED',
  CANCELLED: 'CANCELLED',
} as const;
export type AfterSalesStatus = (typeof AfterSalesStatus)[keyof typeof AfterSalesStatus];

/** Statuses staff have not decided yet: the customer may still cancel, staff may reject or change the amount. */
export const UNDECIDED_AFTER_SALES_STATUSES: readonly AfterSalesStatus[] = ['PENDING', 'AWAITING_RETURN'];

/** Statuses in which a request is still open (one open request per order): undecided, or its money still moving. */
export const OPEN_AFTER_SALES_STATUSES: readonly AfterSalesStatus[] = [
  'PENDING',
  'AWAITING_RETURN',
  'REFUND_REQUESTED',
  'REFUNDING',
  'REFUND_FAILED',
];

/** `PATCH /api/admin/after-sales/:id`: staff adjust the amount (within what the order still holds). */
export interface UpdateAfterSalesRequest {
  amountFen: Fen;
}

/** Reasons the storefront offers; the server accepts any short text. */
export const AFTER_SALES_REASONS = ['不想要了', '商品破损', '商品与描述不符', '发错货', '质量问题', '其他'] as const;

/** `POST /api/orders/:id/after-sales` */
export interface CreateAfterSalesRequest {
  type: AfterSalesType;
  reason: string;
  description?: string;
  /** Names returned by `POST /api/after-sales/photos`. */
  photos?: string[];
  /** Default: everything still refundable on the order. */
  amountFen?: Fen;
}

/** `POST /api/after-sales/photos` (raw image body) */
export interface UploadedPhoto {
  name: string;
  url: string;
}

export interface AfterSalesView {
  id: number;
  orderId: number;
  outTradeNo: string;
  type: AfterSalesType;
  status: AfterSalesStatus;
  reason: string;
  description: string;
  photos: UploadedPhoto[];
  amountFen: Fen;
  /** Staff's reason when rejected, or note when approved. */
  decisionNote?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  createdAt: string;
  /** The refund made for it, once made. */
  refund?: { id: number; amountFen: Fen; status: RefundStatus } | null;
  /** When the amount passed the approver's limit: the refund request finance decides. */
  refundRequest?: { id: number; status: RefundRequestStatus } | null;
  /** RETURN_REFUND once approved: where the customer sends the goods (the shop's address at approval). */
  returnAddress?: ReturnAddressView | null;
  /** RETURN_REFUND: the parcel the customer sent back, once entered. */
  returnShipment?: ReturnShipmentView | null;
  /** When staff confirmed the returned goods arrived. */
  receivedAt?: string | null;
  /** The progress both sides see, computed by the server (申请 → … → 已退款 / 已拒绝 / 已撤销). */
  timeline: AfterSalesStep[];
}

/** As staff see it in the queue. */
export interface AdminAfterSalesView extends AfterSalesView {
  customer: { id: number; nickname: string };
  orderTotalFen: Fen;
  orderStatus: string;
}

export interface DecideAfterSalesRequest {
  note?: string;
}

export interface RejectAfterSalesRequest {
  note: string;
}

/** The shop's return address (`GET/PUT /api/admin/after-sales/return-address`). */
export interface ReturnAddressView {
  name: string;
  phone: string;
  /** The full address in one line: 省市区 and street. */
  address: string;
}

/** `GET /api/admin/after-sales/return-address`: null until staff set one (returns cannot be approved before). */
export interface ReturnAddressSetting {
  returnAddress: ReturnAddressView | null;
}

/** `POST /api/me/after-sales/:id/return-shipment`: the parcel the customer sent back (carrier from CARRIERS). */
export interface SubmitReturnShipmentRequest {
  carrier: CarrierCode;
  trackingNo: string;
}

export interface ReturnShipmentView {
  carrier: string;
  carrierName: string;
  trackingNo: string;
  shippedAt: string;
}

/** One step of an after-sales request's progress; `label` is what both apps print. */
export interface AfterSalesStep {
  key: AfterSalesStepKey;
  label: string;
  /** done: happened (at `at`); current: what the request waits for now; todo: still ahead. */
  state: 'done' | 'current' | 'todo';
  at?: string | null;
  /** e.g. the carrier and tracking number, or why a refund waits. */
  detail?: string | null;
}

export type AfterSalesStepKey =
  | 'APPLIED'
  | 'APPROVED'
  | 'RETURN_SHIPPED'
  | 'RECEIVED'
  | 'REFUNDING'
  | 'REFUNDED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'CLOSED';

/** The words of each step, shared by the server's timeline and anything that names a step. */
export const AFTER_SALES_STEP_LABELS: Record<AfterSalesStepKey, string> = {
  APPLIED: '提交申请',
  APPROVED: '同意退货',
  RETURN_SHIPPED: '买家寄回',
  RECEIVED: '商家收货',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
  REJECTED: '已拒绝',
  CANCELLED: '已撤销',
  CLOSED: '已关闭',
};
