import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { BenefitType, CheckoutCouponView, CouponView, ErrorCode, Fen } from '@member-commerce/shared';
import { conflict, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Benefit } from '../membership/benefit.entity';
import { MembershipTerm } from '../membership/membership-term.entity';
import { MembershipService } from '../membership/membership.service';
import { Coupon } from './coupon.entity';
import { couponConfigOf, couponDiscount, couponValidity, dueCouponMonths } from './coupon-rules';

const toView = (coupon: Coupon, now: Date): CouponView => ({
  id: coupon.id,
  title: coupon.title,
  amountFen: coupon.amountFen,
  thresholdFen: coupon.thresholdFen,
  validFrom: coupon.validFrom.toISOString(),
  validTo: coupon.validTo.toISOString(),
  status: coupon.status === 'AVAILABLE' && coupon.validTo <= now ? 'EXPIRED' : coupon.status,
  orderId: coupon.orderId,
});

/** Coupons of the COUPON benefit: issued per term (and term month), applied once at checkout, given back when an unpaid order closes. */
const UNPAID_SOURCES: readonly MembershipTerm['source'][] = ['STAFF_GRANT', 'GRACE'];

@Injectable()
export class CouponsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly memberships: MembershipService,
  ) {}

  /** Issues every coupon of the term that is due by `now`; idempotent (unique issue keys, INSERT … IGNORE). */
  async issueForTerm(manager: EntityManager, term: MembershipTerm, customerId: number, now: Date): Promise<number> {
    const benefitIds = term.snapshot.benefitIds ?? [];
    // Only paid time mints coupons: staff grants and an auto-renew grace period extend time, nothing more.
    if (!benefitIds.length || term.end <= term.start || UNPAID_SOURCES.includes(term.source)) return 0;
    const benefits = await manager.findBy(Benefit, { id: In(benefitIds), type: BenefitType.COUPON });
    const rows: Partial<Coupon>[] = [];
    for (const benefit of benefits) {
      const config = couponConfigOf(benefit.config);
      if (!config) continue;
      for (const month of dueCouponMonths(term, config, now, this.config.shopTimeZone)) {
        const { validFrom, validTo } = couponValidity(term.start, month, config.validDays, this.config.shopTimeZone);
        for (let n = 0; n < config.quantity; n++) {
          rows.push({
            issueKey: `B${benefit.id}:T${term.id}:M${month}:${n}`,
            customerId,
            termId: term.id,
            benefitId: benefit.id,
            title: benefit.title.slice(0, 64),
            amountFen: config.amountFen,
            thresholdFen: config.thresholdFen,
            validFrom,
            validTo: validTo < term.end ? validTo : term.end,
            status: 'AVAILABLE',
            orderId: null,
            discountFen: 0,
          });
        }
      }
    }
    if (!rows.length) return 0;
    // Ids of ignored rows are unknown (INSERT IGNORE / OR IGNORE): don't ask TypeORM to read them back.
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Coupon)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute();
    const raw = result.raw as { affectedRows?: number; changes?: number } | undefined;
    return raw?.affectedRows ?? raw?.changes ?? rows.length;
  }

  async listMine(customerId: number, now: Date): Promise<CouponView[]> {
    const rows = await this.dataSource.manager.find(Coupon, {
      where: { customerId, validFrom: LessThanOrEqual(now) },
      order: { validTo: 'ASC', id: 'ASC' },
    });
    const views = rows.map((row) => toView(row, now));
    const rank = { AVAILABLE: 0, LOCKED: 1, USED: 2, EXPIRED: 3, VOID: 4 } as const;
    return views.sort((a, b) => rank[a.status] - rank[b.status]);
  }

  /** Every coupon of the customer in every state, issued ones not yet valid included, with the issuing term: 客户详情. */
  async listForStaff(customerId: number, now: Date): Promise<(CouponView & { termId: number })[]> {
    const rows = await this.dataSource.manager.find(Coupon, { where: { customerId }, order: { id: 'DESC' } });
    return rows.map((row) => ({ ...toView(row, now), termId: row.termId }));
  }

  /** The member's usable coupons against goods worth `goodsFen`, best first. */
  async forCheckout(
    manager: EntityManager,
    customerId: number,
    goodsFen: Fen,
    now: Date,
  ): Promise<CheckoutCouponView[]> {
    const found = await manager.find(Coupon, {
      where: { customerId, status: 'AVAILABLE', validTo: MoreThan(now) },
      order: { validTo: 'ASC' },
    });
    const standings = await this.memberships.standings(
      manager,
      found.map((row) => row.termId),
      now,
    );
    const rows = found.filter((row) => standings.get(row.termId) === 'LIVE');
    return rows
      .map((row) => {
        const { discountFen, reason } = couponDiscount(row, goodsFen, now);
        return { ...toView(row, now), applicable: discountFen > 0, discountFen, ...(reason ? { reason } : {}) };
      })
      .sort((a, b) => Number(b.applicable) - Number(a.applicable) || b.discountFen - a.discountFen);
  }

  /** What the coupon takes off, checked for this customer and these goods (no write). */
  async discountFor(
    manager: EntityManager,
    customerId: number,
    couponId: number,
    goodsFen: Fen,
    now: Date,
  ): Promise<Fen> {
    const coupon = await manager.findOneBy(Coupon, { id: couponId, customerId });
    if (!coupon) throw notFound(ErrorCode.COUPON_NOT_FOUND, `Coupon ${couponId} not found`);
    if (coupon.status !== 'AVAILABLE')
      throw conflict(
        ErrorCode.COUPON_NOT_APPLICABLE,
        'This coupon has been used, voided or is held by another unpaid order',
      );
    if ((await this.memberships.standings(manager, [coupon.termId], now)).get(coupon.termId) !== 'LIVE') {
      throw conflict(
        ErrorCode.COUPON_NOT_APPLICABLE,
        'The membership term that issued this coupon has ended or is being refunded',
        { reason: '发券的会员期已结束或正在退款' },
      );
    }
    const { discountFen, reason } = couponDiscount(coupon, goodsFen, now);
    if (!discountFen)
      throw conflict(ErrorCode.COUPON_NOT_APPLICABLE, `This coupon does not apply: ${reason}`, { reason });
    return discountFen;
  }

  /** Holds the coupon for an unpaid order, in its transaction; a coupon is held by one order at a time. */
  async lock(
    manager: EntityManager,
    customerId: number,
    couponId: number,
    orderId: number,
    discountFen: Fen,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Coupon)
      .set({ status: 'LOCKED', orderId, discountFen })
      .where('id = :couponId AND customerId = :customerId AND status = :available', {
        couponId,
        customerId,
        available: 'AVAILABLE',
      })
      .execute();
    if (!result.affected)
      throw conflict(ErrorCode.COUPON_NOT_APPLICABLE, 'This coupon has been used or is held by another unpaid order');
  }

  /** An unpaid order closed: its coupon can be used again. */
  async release(manager: EntityManager, orderId: number): Promise<void> {
    await manager.update(Coupon, { orderId, status: 'LOCKED' }, { status: 'AVAILABLE', orderId: null, discountFen: 0 });
  }

  /** A closed order paid late may take its coupon again only while nobody else holds or spent it. */
  async retakable(manager: EntityManager, orderId: number, couponId: number): Promise<boolean> {
    const coupon = await manager.findOneBy(Coupon, { id: couponId });
    return !!coupon && (coupon.status === 'AVAILABLE' || coupon.orderId === orderId);
  }

  /** The order was paid: its coupon is spent (a late payment of a closed order takes it back if still free). */
  async markUsed(manager: EntityManager, orderId: number, couponId: number | null, discountFen: Fen): Promise<void> {
    if (!couponId || !discountFen) return;
    await manager
      .createQueryBuilder()
      .update(Coupon)
      .set({ status: 'USED', orderId, discountFen })
      .where('id = :couponId AND (orderId = :orderId OR status = :available)', {
        couponId,
        orderId,
        available: 'AVAILABLE',
      })
      .execute();
  }

  /** A term cut short (revoke, full refund): its unspent coupons are void, held ones too (their order closes). */
  async voidForTerms(manager: EntityManager, termIds: number[]): Promise<void> {
    if (!termIds.length) return;
    await manager.update(Coupon, { termId: In(termIds), status: In(['AVAILABLE', 'LOCKED']) }, { status: 'VOID' });
  }

  /** Coupon discounts spent from one term's coupons: a benefit used, for the membership refund rule. */
  async usedValueOfTerm(manager: EntityManager, termId: number): Promise<Fen> {
    const used = await manager.findBy(Coupon, { termId, status: 'USED' });
    return used.reduce((sum, coupon) => sum + coupon.discountFen, 0);
  }
}
