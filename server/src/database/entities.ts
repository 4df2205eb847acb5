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
import { AuditLog } from '../staff/audit-log.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderEvent } from '../orders/order-event.entity';
import { Payment } from '../payments/payment.entity';
import { Refund } from '../payments/refund.entity';
import { LedgerEntry } from '../finance/ledger-entry.entity';
import { GiftClaim } from '../milestones/gift-claim.entity';
import { ConsentCredit } from '../reminders/consent-credit.entity';
import { RefundRequest } from '../payments/refund-request.entity';
import { StaffAlert } from '../milestones/staff-alert.entity';
import { AfterSalesRequest } from '../after-sales/after-sales-request.entity';

/** Every entity the data source knows. */
export const entities = [
  Benefit, Tier, Membership, MembershipTerm, GiftPack, GiftPackItem, Product, Sku, SkuMemberPrice, Milestone,
  Customer, Address, StaffUser, AuditLog, Order, OrderLine, OrderEvent, Payment, Refund, LedgerEntry, GiftClaim, ConsentCredit, RefundRequest, StaffAlert,
  AfterSalesRequest,
];
