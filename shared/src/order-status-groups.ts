import { OrderKind, OrderStatus } from './enums';

/**
 * The groups of order statuses every rule asks about: written once here, used by the server's queries and both
 * apps. (The transitions themselves live in the server's order state machine.)
 */

/** The order's money (or gift) was received at some point; refunds are subtracted separately. */
export const PAID_STATUSES: readonly OrderStatus[] = [
  OrderStatus.PAID,
  OrderStatus.SHIPPED,
  OrderStatus.COMPLETED,
  OrderStatus.REFUNDING,
  OrderStatus.REFUNDED,
];

/** Paid and not wholly refunded: a sale (spend, product sales, savings count these, minus partial refunds). */
export const SOLD_STATUSES: readonly OrderStatus[] = PAID_STATUSES.filter((status) => status !== OrderStatus.REFUNDED);

/** Staff may start a refund, and the customer an after-sales request, from these. */
export const REFUNDABLE_STATUSES: readonly OrderStatus[] = [
  OrderStatus.PAID,
  OrderStatus.SHIPPED,
  OrderStatus.COMPLETED,
];

/** The goods left the warehouse (and may have arrived). */
export const SHIPPED_STATUSES: readonly OrderStatus[] = [OrderStatus.SHIPPED, OrderStatus.COMPLETED];

export const isPaidStatus = (status: OrderStatus): boolean => PAID_STATUSES.includes(status);
export const isRefundableStatus = (status: OrderStatus): boolean => REFUNDABLE_STATUSES.includes(status);

/** The groups a customer's order list and 我的 counts use (待付款 / 待发货 / 待收货). */
export const CustomerOrderGroup = { TO_PAY: 'TO_PAY', TO_SHIP: 'TO_SHIP', TO_RECEIVE: 'TO_RECEIVE' } as const;
export type CustomerOrderGroup = (typeof CustomerOrderGroup)[keyof typeof CustomerOrderGroup];

/** Which orders each group holds: a paid membership fee has nothing to ship, so 待发货 is goods and gift packs. */
export const CUSTOMER_ORDER_GROUPS: Record<
  CustomerOrderGroup,
  { statuses: readonly OrderStatus[]; kinds?: readonly OrderKind[] }
> = {
  TO_PAY: { statuses: [OrderStatus.PENDING_PAYMENT] },
  TO_SHIP: { statuses: [OrderStatus.PAID], kinds: [OrderKind.PRODUCT, OrderKind.GIFT] },
  TO_RECEIVE: { statuses: [OrderStatus.SHIPPED] },
};
