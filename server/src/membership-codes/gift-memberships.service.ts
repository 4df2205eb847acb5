import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  ErrorCode,
  formatCode,
  GiftCodeAdminRow,
  GiftCodesAdminView,
  GiftMembershipView,
  MembershipCodeStatus,
  OrderKind,
} from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { Order } from '../orders/order.entity';
import { PAID_STATUSES } from '../orders/order-state';
import { MembershipCode } from './membership-code.entity';

/** Memberships bought as gifts: the buyer's own list (with the code to share), and the staff view with breakage. */
@Injectable()
export class GiftMembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async listOwn(customerId: number): Promise<GiftMembershipView[]> {
    const orders = await this.dataSource.manager.find(Order, {
      where: { customerId, kind: OrderKind.MEMBERSHIP_GIFT },
      order: { id: 'DESC' },
      take: 100,
    });
    const codes = await this.codesOf(orders.map((order) => order.id));
    return orders.map((order) => {
      const code = codes.get(order.id);
      return {
        orderId: order.id,
        outTradeNo: order.outTradeNo,
        orderStatus: order.status,
        tier: { id: order.tierId ?? 0, name: order.tierTerms?.tierName ?? '' },
        priceFen: order.totalFen,
        code: code ? formatCode(code.code) : null,
        codeStatus: code?.status ?? null,
        validUntil: code?.validUntil.toISOString() ?? null,
        redeemedAt: code?.redeemedAt?.toISOString() ?? null,
        createdAt: order.createdAt.toISOString(),
      };
    });
  }

  async getOwn(customerId: number, orderId: number): Promise<GiftMembershipView> {
    const found = (await this.listOwn(customerId)).find((gift) => gift.orderId === orderId);
    if (!found) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
    return found;
  }

  /** Every paid gift with its code; an unredeemed code past its date is breakage (its fee is still deferred). */
  async adminView(): Promise<GiftCodesAdminView> {
    const now = this.clock.now();
    const orders = await this.dataSource.manager.find(Order, {
      where: { kind: OrderKind.MEMBERSHIP_GIFT, status: In([...PAID_STATUSES]) },
      relations: { customer: true },
      order: { id: 'DESC' },
    });
    const codes = await this.codesOf(orders.map((order) => order.id));
    const rows: GiftCodeAdminRow[] = [];
    const totals = { soldFen: 0, redeemedFen: 0, openFen: 0, breakageFen: 0, refundedFen: 0 };
    for (const order of orders) {
      const code = codes.get(order.id);
      if (!code) continue;
      const breakage = code.status === MembershipCodeStatus.ACTIVE && code.validUntil <= now;
      const kept = order.totalFen - order.refundedFen;
      totals.soldFen += order.totalFen;
      totals.refundedFen += order.refundedFen;
      if (code.status === MembershipCodeStatus.REDEEMED) totals.redeemedFen += kept;
      else if (breakage) totals.breakageFen += kept;
      else if (code.status === MembershipCodeStatus.ACTIVE) totals.openFen += kept;
      rows.push({
        orderId: order.id,
        outTradeNo: order.outTradeNo,
        buyerNickname: order.customer?.nickname ?? '',
        tierName: order.tierTerms?.tierName ?? '',
        priceFen: order.totalFen,
        paidAt: order.paidAt?.toISOString() ?? null,
        status: code.status,
        breakage,
        validUntil: code.validUntil.toISOString(),
        redeemedAt: code.redeemedAt?.toISOString() ?? null,
      });
    }
    return { rows, totals };
  }

  private async codesOf(orderIds: number[]): Promise<Map<number, MembershipCode>> {
    const codes = orderIds.length
      ? await this.dataSource.manager.findBy(MembershipCode, { giftOrderId: In(orderIds) })
      : [];
    return new Map(codes.map((code) => [code.giftOrderId!, code]));
  }
}
