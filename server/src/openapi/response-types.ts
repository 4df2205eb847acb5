/**
 * What the generator of `api-schemas.generated.json` reads: every type of `@member-commerce/shared` (the response
 * shapes the apps import) and the few shapes only the server's own routes answer with. A type named here becomes
 * `#/components/schemas/<Name>` in /api/docs-json; regenerate with `pnpm --filter @member-commerce/server
 * openapi:schemas` after changing one.
 */
import type {
  AdminAfterSalesView,
  AdminMemberRow,
  AdminOrderView,
  AdminProductView,
  AuditLogView,
  OrderView,
  Page,
  ProductView,
  RefundRequestView,
  ServiceContactView,
} from '@member-commerce/shared';

export type * from '@member-commerce/shared';
export type { SimulatedMessage } from '../wechat/dev/simulator-store';
export type { SimulatedPapayContract, SimulatedPapayNotice } from '../wechat/dev/papay-store';
export type { SignedNotification, SimulatedPaymentView } from '../wechat/dev/wechat-simulator';

// A schema needs a name per `Page<T>` the API answers with.
export type AdminAfterSalesViewPage = Page<AdminAfterSalesView>;
export type AdminMemberRowPage = Page<AdminMemberRow>;
export type AdminOrderViewPage = Page<AdminOrderView>;
export type AdminProductViewPage = Page<AdminProductView>;
export type AuditLogViewPage = Page<AuditLogView>;
export type OrderViewPage = Page<OrderView>;
export type ProductViewPage = Page<ProductView>;
export type RefundRequestViewPage = Page<RefundRequestView>;

/** My service contact, or null when my membership has none. */
export interface MyServiceContactResponse {
  contact: ServiceContactView | null;
}

/** My verified phone number, masked, or null. */
export interface MyPhoneResponse {
  phone: string | null;
}

/** The status the app's notify route answered the simulator with. */
export interface NotifyStatusResponse {
  notifyStatus: number;
}

/** Whether the simulated user's balance is short. */
export interface PapayBalanceResponse {
  insufficient: boolean;
}
