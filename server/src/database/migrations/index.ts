import { Foundation1763884800000 } from './1763884800000-foundation';
import { OrdersPayments1763971200000 } from './1763971200000-orders-payments';
import { RenewalReminders1764400000000 } from './1764400000000-renewal-reminders';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1763884800000, OrdersPayments1763971200000, RenewalReminders1764400000000];
