import { Foundation1763884800000 } from './1763884800000-foundation';
import { OrdersPayments1763971200000 } from './1763971200000-orders-payments';
import { OrderLifecycle1764000000000 } from './1764000000000-order-lifecycle';
import { MediaBanners1764700000000 } from './1764700000000-media-banners';

/** Every migration, in order. New ones are appended here. */
export const migrations = [Foundation1763884800000, OrdersPayments1763971200000, OrderLifecycle1764000000000, MediaBanners1764700000000];
