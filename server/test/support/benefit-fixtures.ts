import type {
  AddressView,
  CheckoutQuote,
  CouponView,
  CreateOrderResponse,
  MyGiftPacksView,
  OrderView,
} from '@member-commerce/shared';
import type { Response } from 'supertest';
import type { PaymentDriver } from './payment-driver';
import type { TestApp } from './test-app';

/**
 * Named fixtures for the benefit lifecycle specs: benefits, packs, products and tiers made through the staff API,
 * customers who join and shop through the customer API. Nothing here reads the demo seed.
 */
export function benefitFixtures(t: TestApp, pay: PaymentDriver) {
  const admin = () => t.staff('admin');
  const as = (name: string) => t.customer(name);
  const productOfSku = new Map<number, number>();

  const fixtures = {
    async benefit(body: Record<string, unknown>): Promise<number> {
      return (
        await t.http
          .post('/api/admin/benefits')
          .set(await admin())
          .send(body)
          .expect(201)
      ).body.id as number;
    },
    async product(code: string, listPriceFen: number, stock = 1_000): Promise<number> {
      const created = await t.http
        .post('/api/admin/products')
        .set(await admin())
        .send({
          title: `测试商品 ${code}`,
          category: '测试',
          onSale: true,
          skus: [{ code, name: '标准', listPriceFen, stock }],
        })
        .expect(201);
      productOfSku.set(created.body.skus[0].id, created.body.id);
      return created.body.skus[0].id as number;
    },
    async adminSku(skuId: number): Promise<{
      id: number;
      stock: number;
      listPriceFen: number;
      memberPrices: { tierId: number; priceFen: number }[];
    }> {
      const product = (
        await t.http
          .get(`/api/admin/products/${productOfSku.get(skuId)}`)
          .set(await admin())
          .expect(200)
      ).body;
      return product.skus.find((s: { id: number }) => s.id === skuId);
    },
    async skuStock(skuId: number): Promise<number> {
      return (await fixtures.adminSku(skuId)).stock;
    },
    async pack(
      name: string,
      items: { skuId: number; quantity: number }[],
      valueFen: number,
      stock = 50,
    ): Promise<number> {
      return (
        await t.http
          .post('/api/admin/gift-packs')
          .set(await admin())
          .send({ name, valueFen, stock, items })
          .expect(201)
      ).body.id as number;
    },
    async tier(code: string, fields: Record<string, unknown>): Promise<number> {
      const created = await t.http
        .post('/api/admin/tiers')
        .set(await admin())
        .send({ code, name: code, priceFen: 50_000, termMonths: 12, ...fields })
        .expect(201);
      await t.http
        .patch(`/api/admin/tiers/${created.body.id}`)
        .set(await admin())
        .send({ status: 'ACTIVE' })
        .expect(200);
      return created.body.id as number;
    },
    /** Buys the tier and pays; returns the membership order. */
    async join(name: string, tierId: number, giftPackId?: number): Promise<CreateOrderResponse['order']> {
      const bought = (
        await t.http
          .post('/api/orders/membership')
          .set(await as(name))
          .send({ tierId, giftPackId })
          .expect(201)
      ).body as CreateOrderResponse;
      expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
      return bought.order;
    },
    async addressOf(name: string): Promise<number> {
      const auth = await as(name);
      const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
      if (existing.length) return existing[0].id;
      return (
        await t.http
          .post('/api/me/addresses')
          .set(auth)
          .send({
            name: '李四',
            phone: '13800138000',
            province: '上海市',
            city: '上海市',
            district: '浦东新区',
            detail: '世纪大道 1 号',
          })
          .expect(201)
      ).body.id as number;
    },
    async quote(name: string, items: { skuId: number; quantity: number }[], couponId?: number): Promise<Response> {
      return t.http
        .post('/api/orders/quote')
        .set(await as(name))
        .send({ items, couponId });
    },
    async quoted(name: string, items: { skuId: number; quantity: number }[]): Promise<CheckoutQuote> {
      const res = await fixtures.quote(name, items);
      expect(res.status).toBe(200);
      return res.body as CheckoutQuote;
    },
    async order(name: string, items: { skuId: number; quantity: number }[], couponId?: number): Promise<Response> {
      return t.http
        .post('/api/orders')
        .set(await as(name))
        .send({ items, couponId, addressId: await fixtures.addressOf(name) });
    },
    async coupons(name: string): Promise<CouponView[]> {
      return (
        await t.http
          .get('/api/me/coupons')
          .set(await as(name))
          .expect(200)
      ).body as CouponView[];
    },
    async gifts(name: string): Promise<MyGiftPacksView> {
      return (
        await t.http
          .get('/api/me/gift-packs')
          .set(await as(name))
          .expect(200)
      ).body as MyGiftPacksView;
    },
    async claimWelcome(name: string, giftPackId: number) {
      const welcome = (await fixtures.gifts(name)).claimable.find((gift) => gift.source === 'WELCOME');
      expect(welcome).toBeDefined();
      await fixtures.addressOf(name);
      return (
        await t.http
          .post('/api/me/gift-packs/claim')
          .set(await as(name))
          .send({ source: 'WELCOME', termId: welcome!.termId, giftPackId })
          .expect(201)
      ).body as OrderView;
    },
    async membershipId(name: string): Promise<number> {
      const members = (
        await t.http
          .get('/api/admin/members')
          .query({ q: name, pageSize: 100 })
          .set(await admin())
          .expect(200)
      ).body;
      const rows = (members.items ?? members) as { membershipId: number; nickname: string }[];
      return rows.find((row) => row.nickname === name || rows.length === 1)!.membershipId;
    },
    /** Starts a refund as admin; returns its outRefundNo (still PROCESSING until WeChat answers). */
    async startRefund(orderId: number, amountFen?: number): Promise<string> {
      const res = await t.http
        .post(`/api/admin/orders/${orderId}/refunds`)
        .set(await admin())
        .send({ amountFen, reason: '会员申请退款' });
      expect([200, 201]).toContain(res.status);
      return res.body.outRefundNo as string;
    },
    async order_(id: number, name: string): Promise<OrderView> {
      return (
        await t.http
          .get(`/api/orders/${id}`)
          .set(await as(name))
          .expect(200)
      ).body as OrderView;
    },
  };
  return fixtures;
}

export type BenefitFixtures = ReturnType<typeof benefitFixtures>;
