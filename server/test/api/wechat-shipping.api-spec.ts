import { createHash } from 'node:crypto';
import type {
  AddressView,
  AdminOrderView,
  CreateOrderResponse,
  DashboardTodo,
  Page,
  OrderView,
  SimulatedShippingUpload,
  TierView,
  WechatShippingView,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { MiniProgramSimulator } from '../../src/wechat/dev/mini-program-simulator';
import { WechatTradeEvent } from '../../src/wechat-shipping/wechat-trade-event.entity';
import { OrderReceiptService } from '../../src/wechat-shipping/order-receipt.service';
import { WechatShippingJob } from '../../src/wechat-shipping/wechat-shipping.job';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

/** Issue #18: WeChat's shipping-information service, receipt confirmation and auto-completion (dev mode). */
describe('WeChat shipping information', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let skuId: number;
  let annual: TierView;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const product = await t.http
      .post('/api/admin/products')
      .set(await t.staff('admin'))
      .send({
        title: '发货信息测试茶',
        category: '测试',
        onSale: true,
        skus: [{ code: 'WS-TEA', name: '一盒', listPriceFen: 8_800, stock: 100 }],
      })
      .expect(201);
    skuId = product.body.skus[0].id;
    await shopFixtures(t).tier('WS-ANNUAL');
    annual = ((await t.http.get('/api/tiers').expect(200)).body as TierView[]).find(
      (tier) => tier.code === 'WS-ANNUAL',
    )!;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  /** Job passes until nothing is due. */
  const uploadPass = async () => {
    while ((await t.app.get(WechatShippingJob).run(t.clock.now())) > 0);
  };
  const uploads = async () =>
    (await t.http.get('/api/dev/wechat/shipping-uploads').expect(200)).body as SimulatedShippingUpload[];
  const uploadsOf = async (outTradeNo: string) =>
    (await uploads()).filter((upload) => upload.outTradeNo === outTradeNo);
  const shippingView = async (orderId: number, role: 'admin' | 'support' = 'admin') =>
    (
      await t.http
        .get(`/api/admin/orders/${orderId}/wechat-shipping`)
        .set(await t.staff(role))
        .expect(200)
    ).body as WechatShippingView;
  const paidProductOrder = async (name: string) => {
    const auth = await t.customer(name);
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '周九',
          phone: '13800138000',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: '文三路 9 号',
        })
        .expect(201)
    ).body as AddressView;
    const created = (
      await t.http
        .post('/api/orders')
        .set(auth)
        .send({ items: [{ skuId, quantity: 2 }], addressId: address.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(created.order.outTradeNo);
    return created.order;
  };
  const ship = async (orderId: number, carrier: string, trackingNo: string) =>
    (
      await t.http
        .post(`/api/admin/orders/${orderId}/ship`)
        .set(await t.staff('operator'))
        .send({ carrier, trackingNo })
        .expect(201)
    ).body as AdminOrderView;

  it('a paid membership fee is queued in the payment and uploaded by the job as virtual delivery', async () => {
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('ws-member'))
        .send({ tierId: annual.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(bought.order.outTradeNo);
    expect(await shippingView(bought.order.id)).toMatchObject({ status: 'PENDING', logisticsType: 3, attempts: 0 });
    expect(await uploadsOf(bought.order.outTradeNo)).toEqual([]);

    await uploadPass();
    const [upload] = await uploadsOf(bought.order.outTradeNo);
    expect(upload).toMatchObject({
      outTradeNo: bought.order.outTradeNo,
      logisticsType: 3,
      shippingList: [{ expressCompany: '', trackingNo: '' }],
    });
    expect(upload.transactionId).toMatch(/^4200/);
    expect(await shippingView(bought.order.id)).toMatchObject({
      status: 'UPLOADED',
      attempts: 1,
      modificationUsed: false,
      errcode: null,
    });
  });

  it("shipped goods are uploaded as express with WeChat's courier id and the tracking number", async () => {
    const order = await paidProductOrder('ws-buyer');
    const view = (
      await t.http
        .get(`/api/admin/orders/${order.id}/wechat-shipping`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(view).toBeNull(); // paid, not shipped: nothing to upload yet
    await ship(order.id, 'JT', 'JT0012345678');
    await uploadPass();
    expect(await uploadsOf(order.outTradeNo)).toEqual([
      expect.objectContaining({
        logisticsType: 1,
        shippingList: [{ expressCompany: 'JTSD', trackingNo: 'JT0012345678' }],
      }),
    ]);
    expect(await shippingView(order.id, 'support')).toMatchObject({
      status: 'UPLOADED',
      expressCompany: 'JTSD',
      trackingNo: 'JT0012345678',
    });
  });

  it('a tracking number may be changed once at WeChat; the second change is refused before WeChat is called', async () => {
    const order = await paidProductOrder('ws-fixer');
    await ship(order.id, 'ZTO', '75300000011');
    await uploadPass();
    const operator = await t.staff('operator');
    const changed = (
      await t.http
        .put(`/api/admin/orders/${order.id}/shipment`)
        .set(operator)
        .send({ carrier: 'YTO', trackingNo: 'YT0000000022' })
        .expect(200)
    ).body as WechatShippingView;
    expect(changed).toMatchObject({
      status: 'UPLOADED',
      expressCompany: 'YTO',
      trackingNo: 'YT0000000022',
      modificationUsed: true,
    });
    const refused = await t.http
      .put(`/api/admin/orders/${order.id}/shipment`)
      .set(operator)
      .send({ carrier: 'YTO', trackingNo: 'YT0000000033' })
      .expect(409);
    expect(refused.body.code).toBe('WECHAT_SHIPPING_MODIFICATION_USED');
    expect((await uploadsOf(order.outTradeNo)).map((upload) => upload.shippingList[0].trackingNo)).toEqual([
      'YT0000000022',
      '75300000011',
    ]);
    const seen = (
      await t.http
        .get(`/api/orders/${order.id}`)
        .set(await t.customer('ws-fixer'))
        .expect(200)
    ).body as OrderView;
    expect(seen.shipment).toMatchObject({ carrier: 'YTO', trackingNo: 'YT0000000022' });
    await t.http
      .put(`/api/admin/orders/${order.id}/shipment`)
      .set(await t.staff('support'))
      .send({ carrier: 'YTO', trackingNo: 'YT0000000044' })
      .expect(403);
  });

  it('a failed upload is recorded with its errcode explained, retried by the job when due, and retryable by staff', async () => {
    const simulator = t.app.get(MiniProgramSimulator);
    const order = await paidProductOrder('ws-unlucky');
    await ship(order.id, 'SF', 'SF1000000001');
    const refuse = jest
      .spyOn(simulator, 'uploadShippingInfo')
      .mockResolvedValueOnce({ errcode: 10060001, errmsg: '支付单不存在' });
    await uploadPass();
    const failed = await shippingView(order.id);
    expect(failed).toMatchObject({ status: 'FAILED', errcode: 10060001, attempts: 1 });
    expect(failed.explanation).toContain('微信尚未查到这笔支付');
    expect(new Date(failed.nextAttemptAt!).getTime()).toBeGreaterThan(t.clock.now().getTime());
    await uploadPass(); // not due yet
    expect(refuse).toHaveBeenCalledTimes(1);
    const failedUploads = async () => {
      const todos = (
        await t.http
          .get('/api/admin/dashboard/todos')
          .set(await t.staff('admin'))
          .expect(200)
      ).body as DashboardTodo[];
      const todo = todos.find((x) => x.key === 'SHIPPING_UPLOAD_FAILED')!;
      expect(todo).toMatchObject({ label: '上传发货信息失败', link: '/orders?wechatShipping=FAILED' });
      const listed = (
        await t.http
          .get('/api/admin/orders')
          .query({ wechatShipping: 'FAILED', pageSize: 100 })
          .set(await t.staff('support'))
          .expect(200)
      ).body as Page<AdminOrderView>;
      expect(listed.total).toBe(todo.count);
      return listed.items.map((item) => item.id);
    };
    expect(await failedUploads()).toContain(order.id);

    await t.http
      .post(`/api/admin/orders/${order.id}/wechat-shipping/retry`)
      .set(await t.staff('support'))
      .expect(403);
    const retried = (
      await t.http
        .post(`/api/admin/orders/${order.id}/wechat-shipping/retry`)
        .set(await t.staff('operator'))
        .expect(200)
    ).body as WechatShippingView;
    expect(retried).toMatchObject({ status: 'UPLOADED', attempts: 2, errcode: null, expressCompany: 'SF' });
    const [upload] = await uploadsOf(order.outTradeNo);
    expect(upload.shippingList).toEqual([{ expressCompany: 'SF', trackingNo: 'SF1000000001' }]);
    expect(await failedUploads()).not.toContain(order.id);
    const again = await t.http
      .post(`/api/admin/orders/${order.id}/wechat-shipping/retry`)
      .set(await t.staff('operator'))
      .expect(409);
    expect(again.body.code).toBe('WECHAT_SHIPPING_NOT_RETRYABLE');
    refuse.mockRestore();
  });

  it('the customer confirms receipt of a shipped order and it completes; only their own, only once shipped', async () => {
    const order = await paidProductOrder('ws-receiver');
    const auth = await t.customer('ws-receiver');
    const early = await t.http.post(`/api/orders/${order.id}/confirm-receipt`).set(auth).expect(409);
    expect(early.body.code).toBe('INVALID_ORDER_TRANSITION');
    await ship(order.id, 'YD', 'YD0000000055');
    expect((await t.http.get(`/api/orders/${order.id}/receipt`).set(auth).expect(200)).body).toEqual({
      merchantId: expect.any(String),
      merchantTradeNo: order.outTradeNo,
    });
    await t.http
      .post(`/api/orders/${order.id}/confirm-receipt`)
      .set(await t.customer('ws-stranger'))
      .expect(404);
    const done = (await t.http.post(`/api/orders/${order.id}/confirm-receipt`).set(auth).expect(200)).body as OrderView;
    expect(done.status).toBe('COMPLETED');
    expect(
      ((await t.http.post(`/api/orders/${order.id}/confirm-receipt`).set(auth).expect(200)).body as OrderView).status,
    ).toBe('COMPLETED');
  });

  it('a shipped order nobody confirms completes by itself after the configured days, not before', async () => {
    const order = await paidProductOrder('ws-silent');
    await ship(order.id, 'EMS', 'EMS000000066');
    const receipts = t.app.get(OrderReceiptService);
    const days = t.config.orderAutoCompleteDays;
    await receipts.autoComplete(new Date(t.clock.now().getTime() + (days * 86_400_000 - 60_000)));
    const status = async () =>
      (
        (
          await t.http
            .get(`/api/orders/${order.id}`)
            .set(await t.customer('ws-silent'))
            .expect(200)
        ).body as OrderView
      ).status;
    expect(await status()).toBe('SHIPPED');
    expect(
      await receipts.autoComplete(new Date(t.clock.now().getTime() + days * 86_400_000 + 1)),
    ).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('COMPLETED');
  });

  it("WeChat's trade events are stored once, need the push signature, and a receipt confirmed in WeChat completes the order", async () => {
    t.config.wechat.pushToken = 'push-token-for-tests';
    const signed = (timestamp = '1765400000', nonce = 'n0nce') => ({
      timestamp,
      nonce,
      signature: createHash('sha1').update(['push-token-for-tests', timestamp, nonce].sort().join('')).digest('hex'),
    });
    expect(
      (
        await t.http
          .get('/api/wechat/events')
          .query({ ...signed(), echostr: 'e42' })
          .expect(200)
      ).text,
    ).toBe('e42');
    await t.http
      .get('/api/wechat/events')
      .query({ ...signed(), signature: 'f'.repeat(40), echostr: 'e42' })
      .expect(403);

    const order = await paidProductOrder('ws-in-wechat');
    await ship(order.id, 'STO', 'STO000000077');
    const event = {
      ToUserName: 'gh_shop',
      FromUserName: 'o_wechat',
      CreateTime: 1765400100,
      MsgType: 'event',
      Event: 'trade_manage_order_settlement',
      transaction_id: '4200000000000000000077',
      merchant_id: '1900000109',
      merchant_trade_no: order.outTradeNo,
      pay_time: 1765400000,
      confirm_receive_method: 2,
      confirm_receive_time: 1765400090,
      settlement_time: 1765400100,
    };
    await t.http.post('/api/wechat/events').send(event).expect(403);
    expect((await t.http.post('/api/wechat/events').query(signed()).send(event).expect(200)).text).toBe('success');
    expect((await t.http.post('/api/wechat/events').query(signed()).send(event).expect(200)).text).toBe('success'); // redelivered
    const seen = (
      await t.http
        .get(`/api/orders/${order.id}`)
        .set(await t.customer('ws-in-wechat'))
        .expect(200)
    ).body as OrderView;
    expect(seen.status).toBe('COMPLETED');
    const stored = await t.app.get(DataSource).manager.findBy(WechatTradeEvent, { outTradeNo: order.outTradeNo });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      event: 'trade_manage_order_settlement',
      confirmReceiveAt: new Date(1765400090_000),
    });
  });
});
