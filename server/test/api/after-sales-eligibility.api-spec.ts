import type { AfterSalesView, OrderView, Page } from '@member-commerce/shared';
import { ShopFixtures, shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** 申请售后 is offered on the customer's orders exactly when the server would accept the request. */
describe('after-sales eligibility on my orders', () => {
  let t: TestApp;
  let shop: ShopFixtures;
  /** A box of tea at list price, what every order here buys. */
  let teaSkuId: number;
  beforeAll(async () => {
    t = await startTestApp();
    shop = shopFixtures(t);
    teaSkuId = (await shop.product('ELIG-TEA', 12_800, { title: '测试龙井茶' })).skuId;
  });
  afterAll(() => t.close());

  const orderOf = (name: string, state: 'PAID' | 'PENDING_PAYMENT') =>
    shop.order(name, [{ skuId: teaSkuId, quantity: 1 }], { state });
  /** The order as the customer's list and detail show it: both must say the same. */
  const seen = async (name: string, orderId: number) => {
    const auth = await t.customer(name);
    const detail = (await t.http.get(`/api/orders/${orderId}`).set(auth).expect(200)).body as OrderView;
    const list = (await t.http.get('/api/orders?pageSize=50').set(auth).expect(200)).body as Page<OrderView>;
    expect(list.items.find((order) => order.id === orderId)?.afterSales).toEqual(detail.afterSales);
    return detail.afterSales;
  };
  const ask = async (name: string, orderId: number, amountFen: number | undefined, status: number) =>
    (
      await t.http
        .post(`/api/orders/${orderId}/after-sales`)
        .set(await t.customer(name))
        .send({ type: 'REFUND_ONLY', reason: '商品破损', amountFen })
        .expect(status)
    ).body as AfterSalesView;

  it('a paid product order offers it for everything paid; an unpaid one does not', async () => {
    const paid = await orderOf('elig-paid', 'PAID');
    expect(await seen('elig-paid', paid.id)).toEqual({ canApply: true, refundableFen: paid.totalFen });
    const unpaid = await orderOf('elig-unpaid', 'PENDING_PAYMENT');
    expect(await seen('elig-unpaid', unpaid.id)).toEqual({ canApply: false, refundableFen: 0 });
    await ask('elig-unpaid', unpaid.id, undefined, 409);
  });

  it('the most it offers is the most the server accepts', async () => {
    const order = await orderOf('elig-amount', 'PAID');
    const { refundableFen } = (await seen('elig-amount', order.id))!;
    await ask('elig-amount', order.id, refundableFen + 1, 400);
    expect((await ask('elig-amount', order.id, refundableFen, 201)).amountFen).toBe(refundableFen);
  });

  it('an open request withdraws the offer until staff decide it', async () => {
    const order = await orderOf('elig-open', 'PAID');
    const request = await ask('elig-open', order.id, undefined, 201);
    expect(await seen('elig-open', order.id)).toEqual({ canApply: false, refundableFen: order.totalFen });
    await ask('elig-open', order.id, undefined, 409);
    await t.http
      .post(`/api/admin/after-sales/${request.id}/reject`)
      .set(await t.staff('operator'))
      .send({ note: '请补充照片' })
      .expect(201);
    expect(await seen('elig-open', order.id)).toEqual({ canApply: true, refundableFen: order.totalFen });
  });
});
