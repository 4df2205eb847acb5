import { Foundation1763884800000 } from './1763884800000-foundation';
import { OrdersPayments1763971200000 } from './1763971200000-orders-payments';
import { CatalogueAtSize1764200000000 } from './1764200000000-catalogue-at-size';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1763884800000, OrdersPayments1763971200000, CatalogueAtSize1764200000000];
