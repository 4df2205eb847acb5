import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CustomerCouponView,
  CustomerProfileView,
  CustomerTermView,
  ErrorCode,
  maskPhone,
  MembershipStatus,
} from '@member-commerce/shared';
import { AfterSalesService } from '../after-sales/after-sales.service';
import { AutoRenewContractsService } from '../auto-renew/auto-renew-contracts.service';
import { memberSpend } from '../back-office/member-spend';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { CouponsService } from '../coupons/coupons.service';
import { Customer } from '../customers/customer.entity';
import { Membership } from '../membership/membership.entity';
import { MembershipService } from '../membership/membership.service';
import { MembershipTerm } from '../membership/membership-term.entity';
import { isNotEmpty } from '../membership/term-rules';
import { toTermView } from '../membership/term-views';
import { GiftClaimsService } from '../milestones/gift-claims.service';
import { MemberOverviewService } from '../milestones/member-overview.service';
import { Order } from '../orders/order.entity';
import { couponVoidReason } from './coupon-void-reason';
import { CustomerNotesTagsService } from './customer-notes-tags.service';

/**
 * 客户详情 for staff: one customer's identity, membership terms and how each was bought, spend, coupons, gifts,
 * after-sales, notes and tags. Read only; every figure comes from the feature that owns its rule.
 */
@Injectable()
export class CustomerProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly memberships: MembershipService,
    private readonly overview: MemberOverviewService,
    private readonly coupons: CouponsService,
    private readonly gifts: GiftClaimsService,
    private readonly afterSales: AfterSalesService,
    private readonly autoRenew: AutoRenewContractsService,
    private readonly notesTags: CustomerNotesTagsService,
  ) {}

  async get(customerId: number): Promise<CustomerProfileView> {
    const manager = this.dataSource.manager;
    const customer = await manager.findOneBy(Customer, { id: customerId });
    if (!customer) throw notFound(ErrorCode.CUSTOMER_NOT_FOUND, `Customer ${customerId} not found`);
    const now = this.clock.now();
    const membership = await manager.findOneBy(Membership, { customerId });
    const staffView = membership ? await this.memberships.getForStaff(membership.id) : undefined;
    const terms = membership ? await this.termsWithOrders(membership.id) : [];
    const revoked = staffView?.status === MembershipStatus.REVOKED;
    const lifetime = (await memberSpend(manager, [customerId])).get(customerId);
    return {
      customerId,
      nickname: customer.nickname,
      avatarUrl: customer.avatarUrl,
      phoneMasked: customer.phone ? maskPhone(customer.phone) : null,
      openidTail: customer.openid.slice(-4),
      registeredAt: customer.createdAt.toISOString(),
      membershipId: membership?.id ?? null,
      membership: { ...(await this.overview.forCustomer(customerId)), revokedReason: staffView?.revokedReason ?? null },
      lifetimeSpendFen: lifetime?.spendFen ?? 0,
      terms,
      autoRenew: await this.autoRenew.mine(customerId),
      coupons: await this.couponsOf(customerId, terms, revoked, now),
      gifts: await this.gifts.myGiftPacks(customerId),
      afterSales: await this.afterSales.listOwn(customerId),
      notes: await this.notesTags.notesOf(customerId),
      tags: await this.notesTags.tagsOf(customerId),
    };
  }

  /** Every term, removed ones included (the member's own views leave those out), oldest first. */
  private async termsWithOrders(membershipId: number): Promise<CustomerTermView[]> {
    const terms = await this.dataSource.manager.find(MembershipTerm, {
      where: { membershipId },
      relations: { tier: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    const orderIds = terms.map((term) => term.orderId).filter((id): id is number => typeof id === 'number');
    const orders = orderIds.length ? await this.dataSource.manager.findBy(Order, { id: In(orderIds) }) : [];
    return terms.map((term): CustomerTermView => {
      const order = orders.find((row) => row.id === term.orderId);
      return {
        ...toTermView(term),
        outTradeNo: order?.outTradeNo ?? null,
        removed: !isNotEmpty(term),
        order: order
          ? {
              outTradeNo: order.outTradeNo,
              status: order.status,
              totalFen: order.totalFen,
              refundedFen: order.refundedFen,
            }
          : null,
      };
    });
  }

  private async couponsOf(
    customerId: number,
    terms: CustomerTermView[],
    revoked: boolean,
    now: Date,
  ): Promise<CustomerCouponView[]> {
    const coupons = await this.coupons.listForStaff(customerId, now);
    const orderIds = coupons.map((coupon) => coupon.orderId).filter((id): id is number => typeof id === 'number');
    const orders = orderIds.length ? await this.dataSource.manager.findBy(Order, { id: In(orderIds) }) : [];
    return coupons.map(({ termId, ...coupon }) => {
      const term = terms.find((candidate) => candidate.id === termId);
      return {
        ...coupon,
        voidReason: couponVoidReason(coupon.status, term, revoked),
        usedOnOutTradeNo: orders.find((order) => order.id === coupon.orderId)?.outTradeNo ?? null,
        termOutTradeNo: term?.order?.outTradeNo ?? null,
      };
    });
  }
}
