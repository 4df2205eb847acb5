import {
  BenefitType,
  type AdminProductView,
  type AdminTierView,
  type CreateOrderResponse,
  type OrderView,
  type WechatLoginResponse,
} from '@member-commerce/shared';
import type { TestApp } from './test-app';

export interface TierFixture {
  id: number;
  code: string;
  name: string;
  priceFen: number;
}

export interface SkuFixture {
  productId: number;
  skuId: number;
  title: string;
  listPriceFen: number;
}

export interface MemberFixture {
  name: string;
  customerId: number;
  auth: { Authorization: string };
  /** The paid membership order that bought the term. */
  orderId: number;
}

export type OrderState = 'PENDING_PAYMENT' | 'PAID' | 'SHIPPED';

export interface ProductOptions {
  /** Member price per tier id (others get the tier's default discount). */
  memberPrices?: Record<number, number>;
  stock?: number;
  /** Public from this instant; before it only tiers with priority access within their window see it. */
  publicFrom?: Date;
  title?: string;
  subtitle?: string;
  category?: string;
}

export interface TierOptions {
  priceFen?: number;
  termMonths?: number;
  termDays?: number;
  defaultDiscountBp?: number;
  /** Benefits the tier holds, made for it (a coupon benefit takes `couponConfig`). */
  benefits?: BenefitType[];
  /** Config of the benefits made for the tier, by type (e.g. PRIORITY_ACCESS `{ hours }`, COUPON amounts). */
  benefitConfig?: Partial<Record<BenefitType, Record<string, unknown>>>;
  /** Benefits made before (e.g. with `benefit(type, title, config)`) the tier holds as well. */
  benefitIds?: number[];
  /** Leave the tier DRAFT (not on sale). */
  draft?: boolean;
  giftPackIds?: number[];
  giftPackChoices?: number;
  extra?: Record<string, unknown>;
}

/**
 * Named shop fixtures made through the real API, as staff and customers would make them: a tier, a product with
 * member prices, a gift pack, a milestone, a member with a paid term and an order in a given state. Payments go
 * through the dev WeChat simulator (or the payment driver the spec passes), so every hook and rule runs.
 */
export function shopFixtures(t: TestApp, pay?: (outTradeNo: string) => Promise<number>) {
  const admin = () => t.staff('admin');
  const confirm =
    pay ??
    (async (outTradeNo: string) =>
      (await t.http.post(`/api/dev/wechat/pay/${outTradeNo}/confirm`).expect(201)).body.notifyStatus as number);

  const fixtures = {
    async benefit(type: BenefitType, title: string, config?: Record<string, unknown>): Promise<number> {
      const res = await t.http
        .post('/api/admin/benefits')
        .set(await admin())
        .send({ type, title, config })
        .expect(201);
      return res.body.id as number;
    },

    /** An ACTIVE tier (12 months at 1000 元 unless told) holding the named benefits. */
    async tier(code: string, options: TierOptions = {}): Promise<TierFixture> {
      const benefitIds: number[] = [...(options.benefitIds ?? [])];
      for (const type of options.benefits ?? [])
        benefitIds.push(await fixtures.benefit(type, `${code} ${type}`, options.benefitConfig?.[type]));
      const term = options.termDays ? { termDays: options.termDays } : { termMonths: options.termMonths ?? 12 };
      const created = (
        await t.http
          .post('/api/admin/tiers')
          .set(await admin())
          .send({
            code,
            name: `${code} 会员`,
            priceFen: options.priceFen ?? 100_000,
            ...term,
            defaultDiscountBp: options.defaultDiscountBp ?? 0,
            giftPackChoices: options.giftPackChoices ?? (options.giftPackIds?.length ? 1 : 0),
            benefitIds,
            giftPackIds: options.giftPackIds ?? [],
            ...options.extra,
          })
          .expect(201)
      ).body as AdminTierView;
      if (!options.draft)
        await t.http
          .patch(`/api/admin/tiers/${created.id}`)
          .set(await admin())
          .send({ status: 'ACTIVE' })
          .expect(200);
      return { id: created.id, code, name: created.name, priceFen: created.priceFen };
    },

    /** An on-sale product of one SKU at `listPriceFen`, with a member price per tier id. */
    async product(
      code: string,
      listPriceFen: number,
      {
        memberPrices = {},
        stock = 1_000,
        publicFrom,
        title = `测试商品 ${code}`,
        subtitle,
        category = '测试',
      }: ProductOptions = {},
    ): Promise<SkuFixture> {
      const created = (
        await t.http
          .post('/api/admin/products')
          .set(await admin())
          .send({
            title,
            subtitle,
            category,
            onSale: true,
            publicFrom: publicFrom?.toISOString(),
            skus: [{ code, name: '标准装', listPriceFen, stock }],
          })
          .expect(201)
      ).body as AdminProductView;
      const sku = { productId: created.id, skuId: created.skus[0].id, title: `${title} 标准装`, listPriceFen };
      const prices = Object.entries(memberPrices).map(([tierId, priceFen]) => ({ tierId: Number(tierId), priceFen }));
      if (prices.length)
        await t.http
          .put(`/api/admin/skus/${sku.skuId}/member-prices`)
          .set(await admin())
          .send({ prices })
          .expect(200);
      return sku;
    },

    /** A gift pack of these SKUs, declared at what they are worth unless `valueFen` says otherwise. */
    async giftPack(name: string, items: { skuId: number; quantity: number }[], valueFen: number, stock = 50) {
      const res = await t.http
        .post('/api/admin/gift-packs')
        .set(await admin())
        .send({ name, valueFen, stock, items })
        .expect(201);
      return res.body.id as number;
    },

    async milestone(thresholdFen: number, title: string, giftPackId?: number): Promise<number> {
      const res = await t.http
        .post('/api/admin/milestones')
        .set(await admin())
        .send({ thresholdFen, title, giftPackId })
        .expect(201);
      return res.body.id as number;
    },

    async customerId(name: string): Promise<number> {
      const res = await t.http
        .post('/api/auth/wechat-login')
        .send({ code: `dev:${name}` })
        .expect(200);
      return (res.body as WechatLoginResponse).customer.id;
    },

    /** A customer who bought `tierId` and paid, at the app clock's now: a paid term from now. */
    async member(name: string, tierId: number, giftPackId?: number): Promise<MemberFixture> {
      const auth = await t.customer(name);
      if (giftPackId !== undefined) await fixtures.address(name);
      const bought = (await t.http.post('/api/orders/membership').set(auth).send({ tierId, giftPackId }).expect(201))
        .body as CreateOrderResponse;
      expect(await confirm(bought.order.outTradeNo)).toBe(204);
      return { name, customerId: await fixtures.customerId(name), auth, orderId: bought.order.id };
    },

    /** The customer's delivery address (made once). */
    async address(name: string): Promise<number> {
      const auth = await t.customer(name);
      const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as { id: number }[];
      if (existing.length) return existing[0].id;
      const body = {
        name: '张三',
        phone: '13800138000',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        detail: '测试路 1 号',
      };
      return (await t.http.post('/api/me/addresses').set(auth).send(body).expect(201)).body.id as number;
    },

    /** A product order of `name` for these items, taken to `state` (PAID by default) through checkout and WeChat. */
    async order(
      name: string,
      items: { skuId: number; quantity: number }[],
      { state = 'PAID', couponId }: { state?: OrderState; couponId?: number } = {},
    ): Promise<OrderView> {
      const auth = await t.customer(name);
      const created = (
        await t.http
          .post('/api/orders')
          .set(auth)
          .send({ items, couponId, addressId: await fixtures.address(name) })
          .expect(201)
      ).body as CreateOrderResponse;
      if (state !== 'PENDING_PAYMENT') expect(await confirm(created.order.outTradeNo)).toBe(204);
      if (state === 'SHIPPED')
        await t.http
          .post(`/api/admin/orders/${created.order.id}/ship`)
          .set(await t.staff('operator'))
          .send({ carrier: 'SF', trackingNo: `SF${created.order.id}`.padEnd(12, '0') })
          .expect(201);
      return (await t.http.get(`/api/orders/${created.order.id}`).set(auth).expect(200)).body as OrderView;
    },
  };
  return fixtures;
}

export type ShopFixtures = ReturnType<typeof shopFixtures>;
