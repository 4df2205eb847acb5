import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CheckoutQuote,
  CreateOrderResponse,
  ErrorCode,
  OrderKind,
  OrderStatus,
  OrderView,
} from '@member-commerce/shared';
import { LegalDocumentsService } from '../agreements/legal-documents.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { GiftPack } from '../catalog/gift-pack.entity';
import { AddressesService, ownAddressOrThrow, toAddressSnapshot } from '../customers/addresses.service';
import { tierTerms } from '../membership/membership-terms.service';
import { TiersService } from '../membership/tiers.service';
import { CreateMembershipOrderDto, CreateProductOrderDto, QuoteOrderDto } from '../orders/dto/create-order.dto';
import { OrderClosingService } from '../orders/order-closing.service';
import { OrderLine } from '../orders/order-line.entity';
import { OrderFields, OrderStateMachine } from '../orders/order-state';
import { OrdersService } from '../orders/orders.service';
import { toOrderView } from '../orders/order-views';
import { Order } from '../orders/order.entity';
import { newOutTradeNo } from '../orders/out-trade-no';
import { reserveGiftPack, reserveSku } from '../orders/stock';
import { PrepayService } from '../payments/prepay.service';
import { ShippingService } from '../shipping/shipping.service';
import { CouponsService } from '../coupons/coupons.service';
import { BasketPricingService } from './basket-pricing.service';

/**
 * Creating orders: every price is computed here from the customer's membership at this moment, stock is
 * reserved in the same transaction, then WeChat is asked for a prepay order.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly tiers: TiersService,
    private readonly addresses: AddressesService,
    private readonly closing: OrderClosingService,
    private readonly machine: OrderStateMachine,
    private readonly orders: OrdersService,
    private readonly prepay: PrepayService,
    private readonly pricing: BasketPricingService,
    private readonly coupons: CouponsService,
    private readonly shipping: ShippingService,
    private readonly agreements: LegalDocumentsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the basket would cost now (member prices, shipping, the chosen coupon and the usable ones); writes nothing. */
  async quote(customerId: number, input: QuoteOrderDto): Promise<CheckoutQuote> {
    const basket = await this.transactions.run((manager) =>
      this.pricing.price(manager, customerId, input.items, input.couponId, this.clock.now()),
    );
    const { active, lines, ...totals } = basket;
    const upsell = active ? { totalFen: 0, shippingFen: 0 } : await this.pricing.memberUpsell(basket);
    return {
      ...totals,
      memberUpsellFen: upsell.totalFen,
      memberUpsellShippingFen: upsell.shippingFen,
      lines: lines.map((line, index) => ({ id: index + 1, ...line })),
    };
  }

  async createProductOrder(customerId: number, input: CreateProductOrderDto): Promise<CreateOrderResponse> {
    if (!input.addressId) throw badRequest(ErrorCode.ADDRESS_REQUIRED, 'Choose a delivery address');
    // The address and the shipping policy in one read (both outside the transaction, as reads they lock nothing).
    const along = await this.shipping.policyAlong(this.addresses.ownQuery(customerId, input.addressId));
    const address = ownAddressOrThrow(along.row, input.addressId);
    const order = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const basket = await this.pricing.price(manager, customerId, input.items, input.couponId, now, {
        listCoupons: false,
        shippingPolicy: along.policy,
      });
      const lines = basket.lines.map((line) => manager.create(OrderLine, line));
      // A member price may only be paid while the membership lasts: the order (and WeChat's prepay) expires by then.
      const ttlEnd = new Date(now.getTime() + this.config.unpaidOrderTtlMinutes * 60_000);
      const termEnd = basket.active?.term.end;
      const order = await this.insertOrder(manager, {
        customerId,
        kind: OrderKind.PRODUCT,
        lines,
        pricedAsTierId: basket.active?.tierId ?? null,
        termId: basket.active?.term.id ?? null,
        address: toAddressSnapshot(address),
        expiresAt: termEnd && termEnd < ttlEnd ? termEnd : ttlEnd,
        shippingFen: basket.shippingFen,
        couponId: basket.couponId,
        couponDiscountFen: basket.couponDiscountFen,
      });
      if (basket.couponId)
        await this.coupons.lock(manager, customerId, basket.couponId, order.id, basket.couponDiscountFen);
      // The stock rows last (lines come in SKU order), right before the commit: when a whole drop wants one SKU, its
      // row stays locked for one round trip, not for the whole order. A sold-out SKU rolls everything back.
      for (const line of lines) await reserveSku(manager, line.skuId!, line.quantity, line.name);
      return order;
    });
    return this.requestPayment(order);
  }

  async createMembershipOrder(customerId: number, input: CreateMembershipOrderDto): Promise<CreateOrderResponse> {
    const order = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const tier = await this.tiers.getOnSaleOrThrow(manager, input.tierId);
      const agreementVersion =
        input.agreementVersion === undefined
          ? null
          : await this.agreements.accepted(manager, 'MEMBER_AGREEMENT', input.agreementVersion);
      const address =
        input.addressId !== undefined
          ? await this.addresses.snapshotOf(manager, customerId, input.addressId)
          : input.giftPackId !== undefined
            ? await this.addresses.defaultSnapshot(manager, customerId)
            : null;
      let pack: GiftPack | undefined;
      if (input.giftPackId !== undefined) {
        pack = tier.giftPacks.find((offered) => offered.id === input.giftPackId && offered.status !== 'DRAFT');
        if (!pack)
          throw badRequest(
            ErrorCode.GIFT_PACK_NOT_OFFERED,
            `Gift pack ${input.giftPackId} is not offered with ${tier.name}`,
          );
        if (pack.status === 'ARCHIVED')
          throw conflict(ErrorCode.GIFT_PACK_ARCHIVED, `礼包「${pack.name}」已停止发放，请选择其他礼包`);
        await reserveGiftPack(manager, pack.id, pack.name);
      }
      const line = manager.create(OrderLine, {
        skuId: null,
        giftPackId: null,
        name: tier.name,
        image: tier.image,
        quantity: 1,
        unitListPriceFen: tier.priceFen,
        unitPriceFen: tier.priceFen,
        lineTotalFen: tier.priceFen,
      });
      return this.insertOrder(manager, {
        customerId,
        kind: OrderKind.MEMBERSHIP,
        lines: [line],
        tierId: tier.id,
        tierTerms: tierTerms(tier),
        giftPackId: pack?.id ?? null,
        agreementVersion,
        address,
        expiresAt: new Date(now.getTime() + this.config.unpaidOrderTtlMinutes * 60_000),
      });
    });
    return this.requestPayment(order);
  }

  /**
   * A membership bought as a gift: the tier's terms are frozen now like any membership order; paying it yields one
   * membership code for a friend (membership-codes/gift-code.hooks.ts), no term for the buyer.
   */
  async createGiftMembershipOrder(customerId: number, tierId: number): Promise<CreateOrderResponse> {
    const order = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const tier = await this.tiers.getOnSaleOrThrow(manager, tierId);
      const line = manager.create(OrderLine, {
        skuId: null,
        giftPackId: null,
        name: `${tier.name}（赠送）`,
        image: tier.image,
        quantity: 1,
        unitListPriceFen: tier.priceFen,
        unitPriceFen: tier.priceFen,
        lineTotalFen: tier.priceFen,
      });
      return this.insertOrder(manager, {
        customerId,
        kind: OrderKind.MEMBERSHIP_GIFT,
        lines: [line],
        tierId: tier.id,
        tierTerms: tierTerms(tier),
        expiresAt: new Date(now.getTime() + this.config.unpaidOrderTtlMinutes * 60_000),
      });
    });
    return this.requestPayment(order);
  }

  /** A gift not yet shipped goes to the address the customer chooses. */
  async chooseGiftAddress(customerId: number, orderId: number, addressId: number): Promise<OrderView> {
    const address = await this.transactions.run((manager) => this.addresses.snapshotOf(manager, customerId, addressId));
    return this.orders.setGiftAddress(customerId, orderId, address);
  }

  private async insertOrder(manager: EntityManager, fields: OrderFields & { lines: OrderLine[] }): Promise<Order> {
    const now = this.clock.now();
    const order = await this.machine.create(
      manager,
      {
        pricedAsTierId: null,
        termId: null,
        tierId: null,
        giftPackId: null,
        parentOrderId: null,
        milestoneId: null,
        address: null,
        tierTerms: null,
        paidAt: null,
        closedAt: null,
        refundedFen: 0,
        shippingFen: 0,
        couponId: null,
        couponDiscountFen: 0,
        ...fields,
        kind: fields.kind!,
        outTradeNo: newOutTradeNo(now),
      },
      OrderStatus.PENDING_PAYMENT,
      now,
    );
    this.prepay.assertPayable(order);
    return order;
  }

  private async requestPayment(order: Order): Promise<CreateOrderResponse> {
    try {
      const payment = await this.prepay.paymentParams(order);
      return { order: toOrderView(order), payment };
    } catch (error) {
      this.logger.error(`Prepay failed for ${order.outTradeNo}: ${(error as Error).message}`);
      await this.closing.closeIfUnpaid(order.id, 'prepay failed');
      throw new DomainError(
        ErrorCode.PAYMENT_FAILED,
        'WeChat Pay is unavailable, please try again',
        HttpStatus.BAD_GATEWAY,
      );
    }
  }
}
