import type { Fen } from './money';

/** A ledger entry's kind: money in (+), money out (−), or a zero-fee term (staff grant) kept for the record. */
export const LedgerKind = { PAYMENT: 'PAYMENT', REFUND: 'REFUND', GRANT: 'GRANT' } as const;
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind];

/** One (month, tier) row of the deferred-revenue roll-forward: opening + billed − refunded − recognised = closing. */
export interface FinanceReportFigures {
  openingDeferredFen: Fen;
  billedFen: Fen;
  refundedFen: Fen;
  recognisedFen: Fen;
  closingDeferredFen: Fen;
}

export interface FinanceReportRow extends FinanceReportFigures {
  /** YYYY-MM in the shop's time zone. */
  month: string;
  tierId: number;
  tierName: string;
}

/** `GET /api/admin/finance/report` (API.md). */
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
