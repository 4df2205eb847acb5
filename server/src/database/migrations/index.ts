import { Foundation1763884800000 } from './1763884800000-foundation';
import { OrdersPayments1763971200000 } from './1763971200000-orders-payments';
import { OrderLifecycle1764000000000 } from './1764000000000-order-lifecycle';
import { AfterSales1764600000000 } from './1764600000000-after-sales';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1763884800000, OrdersPayments1763971200000, OrderLifecycle1764000000000, AfterSales1764600000000];
