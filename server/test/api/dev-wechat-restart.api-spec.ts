import type { CreateOrderResponse, OrderView, TierView } from '@member-commerce/shared';
import type { SignedNotification } from '../../src/wechat/dev/wechat-simulator';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The dev WeChat simulator keeps its keys and transactions in the database: a restarted dev server (or a
 * second process) settles orders created before it, and accepts notifications signed before it.
 */
describe('dev WeChat simulator across a restart', () => {
  let database: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp({ database, env: { WECHAT_MODE: 'dev' } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const restart = async () => {
    await app.close();
    app = await startTestApp({ database, env: { WECHAT_MODE: 'dev' } });
  };
  const buyAnnual = async (name: string) => {
    const tiers = (await app.http.get('/api/tiers').expect(200)).body as TierView[];
    const annual = tiers.find((tier) => tier.code === 'DR-ANNUAL') ?? (await shopFixtures(app).tier('DR-ANNUAL'));
    return (
      await app.http
        .post('/api/orders/membership')
        .set(await app.customer(name))
        .send({ tierId: annual.id })
        .expect(201)
    ).body as CreateOrderResponse;
  };
  const statusOf = async (name: string, id: number) =>
    (
      (
        await app.http
          .get(`/api/orders/${id}`)
          .set(await app.customer(name))
          .expect(200)
      ).body as OrderView
    ).status;

  it('confirming on the pay page after a restart settles an order created before it', async () => {
    const { order } = await buyAnnual('restart-ann');
    await restart();
    expect((await app.http.get(`/api/dev/wechat/pay/${order.outTradeNo}`).expect(200)).body).toMatchObject({
      state: 'NOTPAY',
      amountFen: order.totalFen,
    });
    expect((await app.http.post(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`).expect(201)).body).toEqual({
      notifyStatus: 204,
    });
    expect(await statusOf('restart-ann', order.id)).toBe('PAID');
  });

  it('a notification signed before the restart still verifies after it', async () => {
    const { order } = await buyAnnual('restart-ben');
    const notification = (await app.http.post(`/api/dev/wechat/pay/${order.outTradeNo}/notification`).expect(201))
      .body as SignedNotification;
    await restart();
    await app.http
      .post('/api/payments/wechat/notify')
      .set(notification.headers)
      .set('content-type', 'application/json')
      .send(notification.body)
      .expect(204);
    expect(await statusOf('restart-ben', order.id)).toBe('PAID');
  });

  it('an order paid at WeChat before the restart is found by asking the simulator after it', async () => {
    const { order } = await buyAnnual('restart-cai');
    await app.http.post(`/api/dev/wechat/pay/${order.outTradeNo}/notification`).expect(201); // paid, notify lost
    await restart();
    const synced = (
      await app.http
        .post(`/api/orders/${order.id}/sync`)
        .set(await app.customer('restart-cai'))
        .expect(200)
    ).body as OrderView;
    expect(synced.status).toBe('PAID');
  });
});
