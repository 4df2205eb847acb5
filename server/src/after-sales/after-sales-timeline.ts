import {
  AFTER_SALES_STEP_LABELS,
  AfterSalesStatus,
  AfterSalesStep,
  AfterSalesStepKey,
  AfterSalesType,
  CARRIERS,
  RefundStatus,
} from '@member-commerce/shared';

/** What the timeline reads of a request: its own dates, and its refund once made. */
export interface TimelineFacts {
  type: AfterSalesType;
  status: AfterSalesStatus;
  createdAt: Date;
  approvedAt: Date | null;
  returnCarrier: string | null;
  returnTrackingNo: string | null;
  returnShippedAt: Date | null;
  receivedAt: Date | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  refund?: { status: RefundStatus; createdAt: Date; succeededAt?: Date | null } | null;
}

const ENDED_WITHOUT_REFUND: Partial<Record<AfterSalesStatus, AfterSalesStepKey>> = {
  REJECTED: 'REJECTED',
  CANCELLED: 'CANCELLED',
  CLOSED: 'CLOSED',
};

/**
 * The one definition of an after-sales request's progress, sent to the customer and to staff:
 * 提交申请 → (退货退款: 同意退货 → 买家寄回 → 商家收货 →) 退款中 → 已退款; a request that ends otherwise
 * stops at the steps it reached and ends in 已拒绝 / 已撤销 / 已关闭.
 */
export function afterSalesTimeline(facts: TimelineFacts): AfterSalesStep[] {
  const iso = (date?: Date | null) => date?.toISOString() ?? null;
  const returning = facts.type === 'RETURN_REFUND';
  const refundStarted = facts.refund ? facts.refund.createdAt : null;
  const waitingForFinance = facts.status === 'REFUND_REQUESTED';
  const reached: Record<AfterSalesStepKey, { at: string | null; done: boolean; detail?: string | null }> = {
    APPLIED: { at: iso(facts.createdAt), done: true },
    APPROVED: { at: iso(facts.approvedAt), done: facts.approvedAt !== null },
    RETURN_SHIPPED: {
      at: iso(facts.returnShippedAt),
      done: facts.returnShippedAt !== null,
      detail: facts.returnTrackingNo
        ? `${CARRIERS[facts.returnCarrier as keyof typeof CARRIERS] ?? facts.returnCarrier} ${facts.returnTrackingNo}`
        : null,
    },
    RECEIVED: { at: iso(facts.receivedAt), done: facts.receivedAt !== null },
    REFUNDING: {
      at: iso(refundStarted),
      done: refundStarted !== null || waitingForFinance,
      detail: waitingForFinance
        ? '退款金额待财务审批'
        : facts.status === 'REFUND_FAILED'
          ? '微信支付未能退款，客服处理中'
          : null,
    },
    REFUNDED: { at: iso(facts.refund?.succeededAt), done: facts.status === 'REFUNDED' },
    REJECTED: { at: iso(facts.decidedAt), done: facts.status === 'REJECTED', detail: facts.decisionNote },
    CANCELLED: { at: null, done: facts.status === 'CANCELLED' },
    CLOSED: { at: null, done: facts.status === 'CLOSED' },
  };
  const path: AfterSalesStepKey[] = returning
    ? ['APPLIED', 'APPROVED', 'RETURN_SHIPPED', 'RECEIVED', 'REFUNDING', 'REFUNDED']
    : ['APPLIED', 'REFUNDING', 'REFUNDED'];
  const ending = ENDED_WITHOUT_REFUND[facts.status];
  const keys = ending ? [...path.filter((key) => reached[key].done && key !== 'REFUNDED'), ending] : path;
  const firstOpen = ending ? -1 : keys.findIndex((key) => !reached[key].done);
  return keys.map((key, index) => ({
    key,
    label: AFTER_SALES_STEP_LABELS[key],
    state: firstOpen === -1 || index < firstOpen ? 'done' : index === firstOpen ? 'current' : 'todo',
    at: reached[key].at,
    detail: reached[key].detail ?? null,
  }));
}
