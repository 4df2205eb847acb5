import { Benefit } from '../membership/benefit.entity';
import { Membership } from '../membership/membership.entity';
import { MembershipTerm } from '../membership/membership-term.entity';
import { Tier } from '../membership/tier.entity';
import { GiftPack } from '../catalog/gift-pack.entity';
import { GiftPackItem } from '../catalog/gift-pack-item.entity';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { SkuMemberPrice } from '../catalog/sku-member-price.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Address } from '../customers/address.entity';
import { Customer } from '../customers/customer.entity';
import { CustomerNote } from '../customer-profile/customer-note.entity';
import { CustomerTag } from '../customer-profile/customer-tag.entity';
import { CustomerTagLink } from '../customer-profile/customer-tag-link.entity';
import { AuditLog } from '../staff/audit-log.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderEvent } from '../orders/order-event.entity';
import { Payment } from '../payments/payment.entity';
import { Refund } from '../payments/refund.entity';
import { LedgerEntry } from '../finance/ledger-entry.entity';
import { ExportJob } from '../finance/exports/export-job.entity';
import { ReconciliationResolution } from '../finance/reconciliation/reconciliation-resolution.entity';
import { ReconciliationStatementRecord } from '../finance/reconciliation/reconciliation-statement.entity';
import { GiftClaim } from '../milestones/gift-claim.entity';
import { ConsentCredit } from '../reminders/consent-credit.entity';
import { RefundRequest } from '../payments/refund-request.entity';
import { StaffAlert } from '../milestones/staff-alert.entity';
import { Coupon } from '../coupons/coupon.entity';
import { ShippingPolicy } from '../shipping/shipping-policy.entity';
import { JobLease } from '../jobs/job-lease.entity';
import { DevWechatKeys } from '../wechat/dev/dev-wechat-keys.entity';
import { DevWechatMessage } from '../wechat/dev/dev-wechat-message.entity';
import { DevWechatOrder } from '../wechat/dev/dev-wechat-order.entity';
import { DevWechatRefund } from '../wechat/dev/dev-wechat-refund.entity';
import { DevWechatRefusal } from '../wechat/dev/dev-wechat-refusal.entity';
import { CacheVersion } from '../cache/cache-version.entity';
import { ReminderRule } from '../reminders/reminder-rule.entity';
import { Reminder } from '../reminders/reminder.entity';
import { CallRecord } from '../reminders/call-record.entity';
import { Banner } from '../banners/banner.entity';
import { AfterSalesPhoto } from '../after-sales/after-sales-photo.entity';
import { ReturnAddress } from '../after-sales/return-address.entity';
import { AfterSalesRequest } from '../after-sales/after-sales-request.entity';
import { AutoRenewContract } from '../auto-renew/auto-renew-contract.entity';
import { AutoRenewCycle } from '../auto-renew/auto-renew-cycle.entity';
import { DevWechatPapayContract, DevWechatPapayNotice } from '../wechat/dev/dev-wechat-papay.entity';
import { DevWechatShippingUpload } from '../wechat/dev/dev-wechat-shipping-upload.entity';
import { WechatShipping } from '../wechat-shipping/wechat-shipping.entity';
import { WechatTradeEvent } from '../wechat-shipping/wechat-trade-event.entity';
import { LegalDocument } from '../agreements/legal-document.entity';
import { MembershipCodeBatch } from '../membership-codes/membership-code-batch.entity';
import { MembershipCode } from '../membership-codes/membership-code.entity';
import { TrialUse } from '../trials/trial-use.entity';

/** Every entity the data source knows. */
export const entities = [
  Benefit,
  Tier,
  Membership,
  MembershipTerm,
  GiftPack,
  GiftPackItem,
  Product,
  Sku,
  SkuMemberPrice,
  Milestone,
  Customer,
  Address,
  StaffUser,
  AuditLog,
  Order,
  OrderLine,
  OrderEvent,
  Payment,
  Refund,
  LedgerEntry,
  ExportJob,
  ReconciliationStatementRecord,
  ReconciliationResolution,
  GiftClaim,
  ConsentCredit,
  RefundRequest,
  StaffAlert,
  Coupon,
  ShippingPolicy,
  JobLease,
  DevWechatKeys,
  DevWechatOrder,
  DevWechatRefund,
  DevWechatMessage,
  DevWechatRefusal,
  CacheVersion,
  ReminderRule,
  Reminder,
  CallRecord,
  Banner,
  AfterSalesRequest,
  AfterSalesPhoto,
  ReturnAddress,
  AutoRenewContract,
  AutoRenewCycle,
  DevWechatPapayContract,
  DevWechatPapayNotice,
  WechatShipping,
  WechatTradeEvent,
  DevWechatShippingUpload,
  LegalDocument,
  MembershipCodeBatch,
  MembershipCode,
  TrialUse,
  CustomerNote,
  CustomerTag,
  CustomerTagLink,
];
