import { DataSource } from 'typeorm';
import type { CreateOrderResponse, OrderView, WechatPaymentParams } from '@member-commerce/shared';
import { Payment } from '../../src/payments/payment.entity';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures, ShopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

/**
 * Checkout writes an order's payment row once, with WeChat's prepay id, before the `wx.requestPayment` parameters
 * are answered; and reads the delivery address and the shipping policy in one statement (issue #20).
 */
describe('checkout: the payment row and the delivery terms', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let shop: ShopFixtures;
  let skuId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    shop = shopFixtures(t, (outTradeNo) => pay.confirm(outTradeNo));
    ({ skuId } = await shop.product('CPR-1', 2_000));
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const payments = () => t.app.get(DataSource).getRepository(Payment);
  const buy = async (name: string, addressId?: number) =>
    t.http
      .post('/api/orders')
      .set(await t.customer(name))
      .send({ items: [{ skuId, quantity: 1 }], addressId: addressId ?? (await shop.address(name)) });
  const created = async (name: string) => {
    const res = await buy(name);
    expect(res.status).toBe(201);
    return res.body as CreateOrderResponse;
  };
  const orderOf = async (name: string, id: number) =>
    (
      await t.http
        .get(`/api/orders/${id}`)
        .set(await t.customer(name))
        .expect(200)
    ).body as OrderView;
  const prepayIdOf = (params: WechatPaymentParams) => params.package.replace(/^prepay_id=/, '');

  it('the pending payment exists with its prepay id and amount before the pay parameters are answered', async () => {
    const bought = await created('cpr-ann');
    const row = await payments().findOneByOrFail({ orderId: bought.order.id });
    expect(row).toMatchObject({
      status: 'PENDING',
      outTradeNo: bought.order.outTradeNo,
      amountFen: bought.order.totalFen,
      prepayId: prepayIdOf(bought.payment),
    });
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    expect((await orderOf('cpr-ann', bought.order.id)).status).toBe('PAID');
    expect(await payments().findOneByOrFail({ orderId: bought.order.id })).toMatchObject({ status: 'SUCCESS' });
  });

  it('"pay again" writes the payment row when a process died before writing it, and the order is then paid', async () => {
    const bought = await created('cpr-ben');
    await payments().delete({ orderId: bought.order.id });
    const again = await t.http
      .post(`/api/orders/${bought.order.id}/payment`)
      .set(await t.customer('cpr-ben'))
      .expect(200);
    const row = await payments().findOneByOrFail({ orderId: bought.order.id });
    expect(row).toMatchObject({ status: 'PENDING', amountFen: bought.order.totalFen });
    expect(row.prepayId).toBe(prepayIdOf(again.body as WechatPaymentParams));
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    expect((await orderOf('cpr-ben', bought.order.id)).status).toBe('PAID');
  });

  it("WeChat's word that an order was paid settles it even when its payment row was never written", async () => {
    const bought = await created('cpr-cat');
    await payments().delete({ orderId: bought.order.id });
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    expect((await orderOf('cpr-cat', bought.order.id)).status).toBe('PAID');
    expect(await payments().findOneByOrFail({ orderId: bought.order.id })).toMatchObject({
      status: 'SUCCESS',
      amountFen: bought.order.totalFen,
      paidFen: bought.order.totalFen,
    });
  });

  it("the order charges the shipping policy staff set a moment ago and freezes the customer's own address", async () => {
    await t.http
      .put('/api/admin/shipping-policy')
      .set(await t.staff('operator'))
      .send({ flatFeeFen: 1_300, freeAboveFen: null })
      .expect(200);
    const bought = await created('cpr-dan');
    expect(bought.order).toMatchObject({ shippingFen: 1_300, totalFen: 3_300 });
    expect(bought.order.address).toMatchObject({ name: '张三', detail: '测试路 1 号' });
  });

  it("an order to another customer's address is refused with ADDRESS_NOT_FOUND and writes nothing", async () => {
    const others = await shop.address('cpr-eve');
    await shop.address('cpr-fay');
    const before = await payments().count();
    const refused = await buy('cpr-fay', others);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('ADDRESS_NOT_FOUND');
    expect(await payments().count()).toBe(before);
  });
});
