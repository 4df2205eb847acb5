import { Foundation1763884800000 } from './1763884800000-foundation';
import { OrdersPayments1763971200000 } from './1763971200000-orders-payments';
import { OrderLifecycle1764000000000 } from './1764000000000-order-lifecycle';
import { SafeDefaults1764100000000 } from './1764100000000-safe-defaults';
import { CatalogueAtSize1764200000000 } from './1764200000000-catalogue-at-size';
import { ScaleOut1764250000000 } from './1764250000000-scale-out';
import { Finance1764300000000 } from './1764300000000-finance';
import { RenewalReminders1764400000000 } from './1764400000000-renewal-reminders';
import { AfterSales1764600000000 } from './1764600000000-after-sales';
import { MediaBanners1764700000000 } from './1764700000000-media-banners';
import { CatalogueLifecycle1765100000000 } from './1765100000000-catalogue-lifecycle';
import { RevenueAllocation1765500000000 } from './1765500000000-revenue-allocation';
import { Reconciliation1765510000000 } from './1765510000000-reconciliation';
import { AfterSalesPhotos1765300000000 } from './1765300000000-after-sales-photos';
import { CustomerAvatar1766000000000 } from './1766000000000-customer-avatar';
import { TierAutoRenewPrice1765600000000 } from './1765600000000-tier-auto-renew-price';
import { AutoRenew1765600000001 } from './1765600000001-auto-renew';
import { WechatShipping1765400000000 } from './1765400000000-wechat-shipping';
import { LegalDocuments1765400000001 } from './1765400000001-legal-documents';
import { RefundLifecycle1765200000000 } from './1765200000000-refund-lifecycle';
import { CodesTrial1765700000000 } from './1765700000000-codes-trial';
import { RevenueMaterialisation1765520000000 } from './1765520000000-revenue-materialisation';
import { OrderMoney1765800000000 } from './1765800000000-order-money';
import { AfterSalesReturns1765900000000 } from './1765900000000-after-sales-returns';
import { StaffMustChangePassword1766200000000 } from './1766200000000-staff-must-change-password';
import { GraceNoticeRule1766100000000 } from './1766100000000-grace-notice-rule';
import { CustomerNotesTags1766320000000 } from './1766320000000-customer-notes-tags';

/** Every migration, in order. New ones are appended here. */
export const migrations = [
  Foundation1763884800000,
  OrdersPayments1763971200000,
  OrderLifecycle1764000000000,
  SafeDefaults1764100000000,
  CatalogueAtSize1764200000000,
  ScaleOut1764250000000,
  Finance1764300000000,
  RenewalReminders1764400000000,
  AfterSales1764600000000,
  MediaBanners1764700000000,
  CatalogueLifecycle1765100000000,
  RevenueAllocation1765500000000,
  Reconciliation1765510000000,
  AfterSalesPhotos1765300000000,
  TierAutoRenewPrice1765600000000,
  AutoRenew1765600000001,
  WechatShipping1765400000000,
  LegalDocuments1765400000001,
  RefundLifecycle1765200000000,
  CodesTrial1765700000000,
  RevenueMaterialisation1765520000000,
  CustomerAvatar1766000000000,
  OrderMoney1765800000000,
  AfterSalesReturns1765900000000,
  StaffMustChangePassword1766200000000,
  GraceNoticeRule1766100000000,
  CustomerNotesTags1766320000000,
];
