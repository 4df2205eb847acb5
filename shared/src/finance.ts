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
  revenueByMonth: { month: string; billedFen: Fen; recognisedFen: Fen }[];
  /** Product sales to members (orders priced at a member price) this year, best first. */
  topProducts: { productId: number; title: string; quantity: number; salesFen: Fen }[];
}
