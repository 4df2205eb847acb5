import type { Fen } from './money';

/**
 * A ledger entry's kind: money in (+), money out (−), a zero-fee term (staff grant) kept for the record, or the 0
 * DELIVERY of a fee's welcome gift pack (its allocated share is recognised that day).
 */
export const LedgerKind = { PAYMENT: 'PAYMENT', REFUND: 'REFUND', GRANT: 'GRANT', DELIVERY: 'DELIVERY' } as const;
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind];

/** One (month, tier) row of the deferred-revenue roll-forward: opening + billed − refunded − recognised = closing. */
export interface FinanceReportFigures {
  openingDeferredFen: Fen;
  billedFen: Fen;
  refundedFen: Fen;
  recognisedFen: Fen;
  /** Of recognisedFen: the welcome gift packs' allocated share, recognised when shipped (IFRS 15 / CAS 14). */
  recognisedGoodsFen: Fen;
  /** Of recognisedFen: the membership service, straight-line over the term. */
  recognisedServiceFen: Fen;
  closingDeferredFen: Fen;
}

export interface FinanceReportRow extends FinanceReportFigures {
  /** YYYY-MM in the shop's time zone. */
  month: string;
  tierId: number;
  tierName: string;
}

/** `GET /api/admin/finance/report`. */
export interface FinanceReport {
  rows: FinanceReportRow[];
  totals: FinanceReportFigures;
}

export type FinanceExportFormat = 'csv' | 'xlsx';
export type FinanceExportReport = 'ledger' | 'monthly';

/** Query of `GET /api/admin/finance/export` and body of `POST /api/admin/finance/export-jobs`. */
export interface FinanceExportQuery {
  /** YYYY-MM-DD, shop time zone, inclusive. */
  from: string;
  to: string;
  format: FinanceExportFormat;
  tierId?: number;
  report?: FinanceExportReport;
}

export const ExportJobStatus = { QUEUED: 'QUEUED', RUNNING: 'RUNNING', DONE: 'DONE', FAILED: 'FAILED' } as const;
export type ExportJobStatus = (typeof ExportJobStatus)[keyof typeof ExportJobStatus];

/** A large export written in the background; its progress is rows done of rows total. */
export interface ExportJobView {
  id: number;
  status: ExportJobStatus;
  query: FinanceExportQuery;
  rowsDone: number;
  rowsTotal: number;
  fileName: string;
  sizeBytes: number | null;
  error: string | null;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
}

/** An on-sale SKU at or below this stock is shown as a to-do (库存预警). */
export const LOW_STOCK_THRESHOLD = 10;

/** `GET /api/admin/dashboard/todos`: a queue waiting for staff, with the admin page (and filter) that works it. */
export interface DashboardTodo {
  key: 'TO_SHIP' | 'AFTER_SALES_OPEN' | 'REFUND_REQUESTS_PENDING' | 'SHIPPING_UPLOAD_FAILED' | 'LOW_STOCK';
  label: string;
  count: number;
  /** Admin route, e.g. "/orders?fulfilment=TO_SHIP". */
  link: string;
}

/** `GET /api/admin/dashboard`: server-side aggregates for the overview screen. */
export interface DashboardView {
  /** YYYY-MM of "this month" in the shop's time zone. */
  month: string;
  activeMembers: number;
  newThisMonth: number;
  renewedThisMonth: number;
  /** Terms that ended this month or were renewed early this month. */
  dueThisMonth: number;
  /** renewed ÷ due in the month, 0..1; null when nothing was due. */
  renewalRate: number | null;
  expiringIn7Days: number;
  expiringIn30Days: number;
  /** Last 12 months, oldest first. */
  revenueByMonth: { month: string; billedFen: Fen; recognisedFen: Fen; productSalesFen: Fen }[];
  /** Product sales (orders paid, not wholly refunded: `productSales`) in the last 12 months, best first. */
  topProducts: { productId: number; title: string; quantity: number; salesFen: Fen }[];
}

/** How our payments and refunds of a day differ from WeChat's trade bill. */
export const ReconciliationMismatchKind = {
  ONLY_WECHAT: 'ONLY_WECHAT',
  ONLY_OURS: 'ONLY_OURS',
  AMOUNT: 'AMOUNT',
  STATUS: 'STATUS',
} as const;
export type ReconciliationMismatchKind = (typeof ReconciliationMismatchKind)[keyof typeof ReconciliationMismatchKind];

export interface ReconciliationMismatch {
  kind: ReconciliationMismatchKind;
  outTradeNo: string;
  /** A refund's mismatch: its out_refund_no (payments have none). */
  outRefundNo?: string;
  /** WeChat's transaction id (payment) or refund id (refund), when either side knows it. */
  transactionId?: string;
  wechatFen?: Fen;
  oursFen?: Fen;
  /** STATUS: each side's status. */
  wechatStatus?: string;
  oursStatus?: string;
  /** Resolving names the mismatch by (date, kind, reference): its outRefundNo, else its outTradeNo. */
  reference: string;
  resolvedAt?: string;
  resolvedBy?: string;
  note?: string;
}

/** `GET /api/admin/finance/reconciliation?date=YYYY-MM-DD`. */
export interface ReconciliationStatement {
  /** YYYY-MM-DD in the shop's calendar. */
  date: string;
  /** Net of the day: payments − refunds, at WeChat and in our books. */
  totals: { wechatFen: Fen; oursFen: Fen };
  /** Payments and refunds that agree. */
  matched: number;
  mismatches: ReconciliationMismatch[];
  /** When the daily job stored it; absent when computed on request. */
  storedAt?: string;
}

/** `POST /api/admin/finance/reconciliation/resolutions`. */
export interface ResolveMismatchRequest {
  date: string;
  kind: ReconciliationMismatchKind;
  reference: string;
  note: string;
}
