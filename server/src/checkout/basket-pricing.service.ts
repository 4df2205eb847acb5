import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  BenefitType,
  CheckoutCouponView,
  ErrorCode,
  Fen,
  lineTotalFen,
  orderMoney,
  OrderLineView,
  ShippingPolicyView,
} from '@member-commerce/shared';
import { badRequest, conflict, forbidden, notFound } from '../common/domain-error';
import { callerPrice } from '../catalog/member-price';
import { SkuMemberPrice } from '../catalog/sku-member-price.entity';
import { Sku } from '../catalog/sku.entity';
import { Product } from '../catalog/product.entity';
import { columnsOf, fromRow, runStatement, tableOf } from '../database/rows';
import { priorityAccess } from '../catalog/priority-access';
import { StorefrontCatalogService } from '../storefront/storefront-catalog.service';
import { CouponsService } from '../coupons/coupons.service';
import { Benefit } from '../membership/benefit.entity';
import { ActiveTerm, MembershipService } from '../membership/membership.service';
import { freeShippingShortfallFen, shippingFee } from '../shipping/shipping-rules';
import { ShippingService } from '../shipping/shipping.service';
import { MemberUpsell, memberUpsellOf } from './member-upsell';

/** The cap per SKU applies after identical lines are merged, so splitting a line cannot pass it. */
const MAX_QUANTITY_PER_SKU = 99;

export type BasketLine = Omit<OrderLineView, 'id'> & { skuId: number };

/** A basket priced for one customer at one moment: what checkout charges and the quote shows. */
export interface PricedBasket {
  active: ActiveTerm | undefined;
  lines: BasketLine[];
  listTotalFen: Fen;
  goodsFen: Fen;
  shippingFen: Fen;
  freeShippingReason?: 'MEMBER_BENEFIT' | 'THRESHOLD';
  /** "再买 X 即可包邮": what more goods reach the free-shipping threshold; null when free or no threshold. */
  freeShippingShortfallFen: Fen | null;
  shippingPolicy: ShippingPolicyView;
  couponId: number | null;
  couponDiscountFen: Fen;
  totalFen: Fen;
  /** What member prices took off the list price (0 unless priced as a member). */
  memberSavingsFen: Fen;
  coupons: CheckoutCouponView[];
}

/**
 * Prices a basket on the server, in this order: member price per unit (while the membership is active), then
 * shipping on the goods (free with the FREE_SHIPPING benefit or from the threshold), then one coupon on the
 * goods (its threshold is measured on member-priced goods, shipping excluded). docs/pricing.md has the rules.
 */
@Injectable()
export class BasketPricingService {
  constructor(
    private readonly memberships: MembershipService,
    private readonly shipping: ShippingService,
    private readonly coupons: CouponsService,
    private readonly catalog: StorefrontCatalogService,
  ) {}

  /**
   * `listCoupons: false` when only the chosen coupon matters (creating the order): the usable ones are not read.
   * `shippingPolicy` when the caller already read it (checkout reads it with the address).
   */
  async price(
    manager: EntityManager,
    customerId: number,
    items: { skuId: number; quantity: number }[],
    couponId: number | undefined,
    now: Date,
    { listCoupons = true, shippingPolicy: known }: { listCoupons?: boolean; shippingPolicy?: ShippingPolicyView } = {},
  ): Promise<PricedBasket> {
    const quantities = mergeItems(items);
    const overCap = [...quantities].find(([, quantity]) => quantity > MAX_QUANTITY_PER_SKU);
    if (overCap)
      throw badRequest(ErrorCode.QUANTITY_LIMIT, `At most ${MAX_QUANTITY_PER_SKU} of one item per order`, {
        skuId: overCap[0],
        quantity: overCap[1],
      });
    const active = await this.memberships.activeTerm(customerId, now, manager);
    const skus = await skusWithProducts(manager, [...quantities.keys()]);
    if (skus.length !== quantities.size) throw notFound(ErrorCode.SKU_NOT_FOUND, 'Some items no longer exist');
    // The same rule as the catalogue: before publicFrom only tiers holding PRIORITY_ACCESS, within its window.
    const windowMs = active ? await this.catalog.priorityWindowMs(active.term.snapshot.benefitIds ?? []) : 0;
    for (const sku of skus) {
      if (!sku.product.onSale) throw conflict(ErrorCode.PRODUCT_NOT_ON_SALE, `${sku.product.title} is not on sale`);
      if (!priorityAccess(sku.product.publicFrom, windowMs, now).visible) {
        throw forbidden(
          ErrorCode.MEMBERS_ONLY,
          `${sku.product.title} is for members with priority access until ${sku.product.publicFrom!.toISOString()}`,
        );
      }
    }
    const priceList = new Map<number, number>();
    if (active) {
      const rows = await manager.findBy(SkuMemberPrice, {
        tierId: active.tierId,
        skuId: In(skus.map((sku) => sku.id)),
      });
      for (const row of rows) priceList.set(row.skuId, row.priceFen);
    }
    const tier = active && { id: active.tierId, defaultDiscountBp: active.defaultDiscountBp };
    const lines: BasketLine[] = skus
      .sort((a, b) => a.id - b.id)
      .map((sku) => {
        const quantity = quantities.get(sku.id)!;
        const unitPriceFen = callerPrice(sku, tier, priceList.get(sku.id));
        return {
          skuId: sku.id,
          giftPackId: null,
          name: `${sku.product.title} ${sku.name}`.slice(0, 200),
          image: sku.product.images[0] ?? null,
          quantity,
          unitListPriceFen: sku.listPriceFen,
          unitPriceFen,
          lineTotalFen: lineTotalFen({ unitPriceFen, quantity }),
        };
      });
    const { goodsFen } = orderMoney(lines, { memberPriced: Boolean(active) });
    const shippingPolicy = known ?? (await this.shipping.policy(manager));
    const shipping = shippingFee(shippingPolicy, goodsFen, await this.holdsFreeShipping(manager, active));
    const coupons = listCoupons ? await this.coupons.forCheckout(manager, customerId, goodsFen, now) : [];
    const couponDiscountFen = couponId
      ? await this.coupons.discountFor(manager, customerId, couponId, goodsFen, now)
      : 0;
    const money = orderMoney(lines, {
      shippingFen: shipping.shippingFen,
      couponDiscountFen,
      memberPriced: Boolean(active),
    });
    return {
      active,
      lines,
      ...money,
      freeShippingReason: shipping.freeShippingReason,
      freeShippingShortfallFen: freeShippingShortfallFen(shippingPolicy, goodsFen, shipping),
      shippingPolicy,
      couponId: couponId ?? null,
      coupons,
    };
  }

  /**
   * Non-members: what joining the shown tier changes for this basket (member prices and the shipping fee a member
   * would pay, by the same shipping rule). Reads the storefront cache, which may need a connection of its own: call
   * it outside any transaction, never while one holds a pooled connection (under a drop every request would wait
   * for a second connection that never frees).
   */
  async memberUpsell(basket: {
    lines: readonly { skuId: number | null; quantity: number; unitListPriceFen: Fen }[];
    shippingPolicy: ShippingPolicyView;
    shippingFen: Fen;
  }): Promise<MemberUpsell> {
    const priced = basket.lines.filter((line) => line.skuId !== null);
    const shown = await this.catalog.displayMemberPrices(
      priced.map((line) => ({ id: line.skuId!, listPriceFen: line.unitListPriceFen })),
    );
    const lines = priced.map((line) => ({
      quantity: line.quantity,
      listPriceFen: line.unitListPriceFen,
      memberPriceFen: shown.prices.get(line.skuId!) ?? line.unitListPriceFen,
    }));
    const memberGoodsFen = lines.reduce((sum, line) => sum + line.memberPriceFen * line.quantity, 0);
    const memberShipping = shippingFee(basket.shippingPolicy, memberGoodsFen, shown.shipsFree);
    return memberUpsellOf(lines, basket.shippingFen, memberShipping.shippingFen);
  }

  /** Whether the term that prices the order holds a FREE_SHIPPING benefit (as sold: the term's snapshot). */
  private async holdsFreeShipping(manager: EntityManager, active: ActiveTerm | undefined): Promise<boolean> {
    const ids = active?.term.snapshot.benefitIds ?? [];
    return ids.length > 0 && (await manager.existsBy(Benefit, { id: In(ids), type: BenefitType.FREE_SHIPPING }));
  }
}

function mergeItems(items: { skuId: number; quantity: number }[]): Map<number, number> {
  const merged = new Map<number, number>();
  for (const item of items) merged.set(item.skuId, (merged.get(item.skuId) ?? 0) + item.quantity);
  return merged;
}

/** The SKUs with their products, in one statement. */
async function skusWithProducts(manager: EntityManager, ids: number[]): Promise<Sku[]> {
  const { records } = await runStatement(
    manager,
    `SELECT ${columnsOf(manager, Sku, 's')}, ${columnsOf(manager, Product, 'p')}
       FROM ${tableOf(manager, Sku)} s JOIN ${tableOf(manager, Product)} p ON p.id = s.productId
      WHERE s.id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  return records.map((row: Record<string, unknown>) =>
    Object.assign(fromRow(manager, Sku, 's', row)!, { product: fromRow(manager, Product, 'p', row)! }),
  );
}
