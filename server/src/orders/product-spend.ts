import { OrderKind, PAID_STATUSES } from '@member-commerce/shared';

/**
 * What a customer spent on products: paid PRODUCT orders less what was refunded on them. The one definition,
 * as SQL over an order alias, for the milestones' counted spend, the admin's lifetime spend and the call list.
 */
export const productSpend = {
  /** The spend of the orders matched, 0 when none. */
  sum: (order: string): string => `COALESCE(SUM(${order}.totalFen - ${order}.refundedFen), 0)`,
  /** The orders that count as spend. */
  counts: (order: string): string =>
    `${order}.kind = :productSpendKind AND ${order}.status IN (:...productSpendStatuses)`,
  parameters: { productSpendKind: OrderKind.PRODUCT, productSpendStatuses: PAID_STATUSES } as Record<string, unknown>,
};
