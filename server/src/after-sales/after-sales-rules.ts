import { OrderStatus } from '@member-commerce/shared';

/** Orders that may have an after-sales request (and its photos): paid, shipped or completed product orders. */
export const AFTER_SALES_ORDER_STATUSES: readonly OrderStatus[] = [OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.COMPLETED];
