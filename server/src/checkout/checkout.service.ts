import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CreateOrderResponse, ErrorCode, OrderKind, OrderStatus, OrderView } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { callerPrice } from '../catalog/member-price';
import { GiftPack } from '../catalog/gift-pack.entity';
import { SkuMemberPrice } from '../catalog/sku-member-price.entity';
import { Sku } from '../catalog/sku.entity';
import { AddressesService } from '../customers/addresses.service';
import { tierTerms } from '../membership/membership-terms.service';
import { MembershipService } from '../membership/membership.service';
import { TiersService } from '../membership/tiers.service';
import { CreateMembershipOrderDto, CreateProductOrderDto } from '../orders/dto/create-order.dto';
import { OrderClosingService } from '../orders/order-closing.service';
import { OrderLine } from '../orders/order-line.entity';
import { OrderStateMachine } from '../orders/order-state';
import { OrdersService } from '../orders/orders.service';
import { toOrderView } from '../orders/order-views';
import { Order } from '../orders/order.entity';
import { newOutTradeNo } from '../orders/out-trade-no';
import { reserveGiftPack, reserveSku } from '../orders/stock';
import { PrepayService } from '../payments/prepay.service';

/**
 * Creating orders: every price is computed here from the customer's membership at this moment, stock is
 * reserved in the same transaction, then WeChat is asked for a prepay order.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly memberships: MembershipService,
    private readonly tiers: TiersService,
    private readonly addresses: AddressesService,
    private readonly closing: OrderClosingService,
    private readonly machine: OrderStateMachine,
    private readonly orders: OrdersService,
    private readonly prepay: PrepayService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createProductOrder(customerId: number, input: CreateProductOrderDto): Promise<CreateOrderResponse> {
    if (!input.addressId) throw badRequest(ErrorCode.ADDRESS_REQUIRED, 'Choose a delivery address');
    const address = await this.addresses.getOwnOrThrow(customerId, input.addressId);
    const quantities = mergeItems(input.items);
    const overCap = [...quantities].find(([, quantity]) => quantity > MAX_QUANTITY_PER_SKU);
    if (overCap) throw badRequest(ErrorCode.QUANTITY_LIMIT, `At most ${MAX_QUANTITY_PER_SKU} of one item per order`, { skuId: overCap[0], quantity: overCap[1] });
    const order = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const active = await this.memberships.activeTerm(customerId, now, manager);
      const skus = await manager.find(Sku, { where: { id: In([...quantities.keys()]) }, relations: { product: true } });
      if (skus.length !== quantities.size) throw notFound(ErrorCode.SKU_NOT_FOUND, 'Some items no longer exist');
      for (const sku of skus) {
        if (!sku.product.onSale) throw conflict(ErrorCode.PRODUCT_NOT_ON_SALE, `${sku.product.title} is not on sale`);
        if (sku.product.publicFrom && sku.product.publicFrom > now && !active) {
          throw forbidden(ErrorCode.MEMBERS_ONLY, `${sku.product.title} is for members only until ${sku.product.publicFrom.toISOString()}`);
        }
      }
      const priceList = new Map<number, number>();
      if (active) {
        const rows = await manager.findBy(SkuMemberPrice, { tierId: active.tierId, skuId: In(skus.map((sku) => sku.id)) });
        for (const row of rows) priceList.set(row.skuId, row.priceFen);
      }
      const tier = active && { id: active.tierId, defaultDiscountBp: active.defaultDiscountBp };
      const lines = skus
        .sort((a, b) => a.id - b.id)
        .map((sku) => {
          const quantity = quantities.get(sku.id)!;
          const unitPriceFen = callerPrice(sku, tier, priceList.get(sku.id));
          return manager.create(OrderLine, {
            skuId: sku.id,
            giftPackId: null,
            name: `${sku.product.title} ${sku.name}`.slice(0, 200),
            image: sku.product.images[0] ?? null,
            quantity,
            unitListPriceFen: sku.listPriceFen,
            unitPriceFen,
            lineTotalFen: unitPriceFen * quantity,
          });
        });
      for (const line of lines) await reserveSku(manager, line.skuId!, line.quantity, line.name);
      // A member price may only be paid while the membership lasts: the order (and WeChat's prepay) expires by then.
      const ttlEnd = new Date(now.getTime() + this.config.unpaidOrderTtlMinutes * 60_000);
      const termEnd = active?.term.end;
      return this.insertOrder(manager, {
        customerId,
        kind: OrderKind.PRODUCT,
        lines,
        pricedAsTierId: active?.tierId ?? null,
        termId: active?.term.id ?? null,
        address: { name: address.name, phone: address.phone, province: address.province, city: address.city, district: address.district, detail: address.detail },
        expiresAt: termEnd && termEnd < ttlEnd ? termEnd : ttlEnd,
      });
    });
    return this.requestPayment(order);
  }

  async createMembershipOrder(customerId: number, input: CreateMembershipOrderDto): Promise<CreateOrderResponse> {
    const order = await this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const tier = await this.tiers.getOnSaleOrThrow(manager, input.tierId);
      const address =
        input.addressId !== undefined
          ? await this.addresses.snapshotOf(manager, customerId, input.addressId)
          : input.giftPackId !== undefined
            ? await this.addresses.defaultSnapshot(manager, customerId)
            : null;
      let pack: GiftPack | undefined;
      if (input.giftPackId !== undefined) {
        pack = tier.giftPacks.find((offered) => offered.id === input.giftPackId);
        if (!pack) throw badRequest(ErrorCode.GIFT_PACK_NOT_OFFERED, `Gift pack ${input.giftPackId} is not offered with ${tier.name}`);
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
        address,
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

  private async insertOrder(manager: EntityManager, fields: Partial<Order> & { lines: OrderLine[] }): Promise<Order> {
    const now = this.clock.now();
    const totalFen = fields.lines.reduce((sum, line) => sum + line.lineTotalFen, 0);
    const listTotalFen = fields.lines.reduce((sum, line) => sum + line.unitListPriceFen * line.quantity, 0);
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
        ...fields,
        kind: fields.kind!,
        outTradeNo: newOutTradeNo(now),
        totalFen,
        listTotalFen,
      },
      OrderStatus.PENDING_PAYMENT,
      now,
    );
    await this.prepay.addPendingPayment(manager, order);
    return order;
  }

  private async requestPayment(order: Order): Promise<CreateOrderResponse> {
    try {
      const payment = await this.prepay.paymentParams(order);
      return { order: toOrderView(order), payment };
    } catch (error) {
      this.logger.error(`Prepay failed for ${order.outTradeNo}: ${(error as Error).message}`);
      await this.closing.closeIfUnpaid(order.id, 'prepay failed');
      throw new DomainError(ErrorCode.PAYMENT_FAILED, 'WeChat Pay is unavailable, please try again', HttpStatus.BAD_GATEWAY);
    }
  }
}

/** The cap per SKU applies after identical lines are merged, so splitting a line cannot pass it. */
const MAX_QUANTITY_PER_SKU = 99;

function mergeItems(items: { skuId: number; quantity: number }[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const item of items) merged.set(item.skuId, (merged.get(item.skuId) ?? 0) + item.quantity);
  return merged;
}
