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

/** Every entity the data source knows. */
export const entities = [
  Benefit, Tier, Membership, MembershipTerm, GiftPack, GiftPackItem, Product, Sku, SkuMemberPrice, Milestone,
  Customer, Address, StaffUser, AuditLog,
];
