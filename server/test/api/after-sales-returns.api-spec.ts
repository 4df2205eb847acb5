import type {
  AddressView,
  AdminAfterSalesView,
  AdminOrderView,
  AfterSalesView,
  CreateOrderResponse,
  MyOrderCounts,
  OrderView,
  Page,
  ProductView,
  ReorderResult,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

/** Returns (issue #21): the shop's return address, the customer's parcel back, receipt, refund; and 我的 counts. */
/** The product every order here buys: one carton of milk. */
const MILK = 'RT-MILK-24';

describe('after-sales returns', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    await shopFixtures(t).product(MILK, 6_800, { title: '退货测试纯牛奶' });
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const warehouse = { name: '王仓管', phone: '021-61234567', address: '上海市浦东新区张江路 100 号 3 号仓' };
  const setReturnAddress = async () =>
    t.http
      .put('/api/admin/after-sales/return-address')
      .set(await t.staff('operator'))
      .send(warehouse)
      .expect(200);

  const sku = async (code: string) => {
    const body = (await t.http.get('/api/products?pageSize=100').expect(200)).body as ProductView[] | Page<ProductView>;
    const products = Array.isArray(body) ? body : body.items;
    return products.flatMap((p) => p.skus).find((s) => s.code === code)!;
  };
  /** A product order of `name` (paid unless told): one carton of milk, to their own address. */
  const paidOrder = async (name: string, paid = true) => {
    const auth = await t.customer(name);
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '李四',
          phone: '13900139000',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: '文三路 1 号',
        })
        .expect(201)
    ).body as AddressView;
    const created = (
      await t.http
        .post('/api/orders')
        .set(auth)
        .send({ items: [{ skuId: (await sku(MILK)).id, quantity: 1 }], addressId: address.id })
        .expect(201)
    ).body as CreateOrderResponse;
    if (paid) await pay.confirm(created.order.outTradeNo);
    return created.order;
  };
  const askReturn = async (name: string, orderId: number) =>
    (
      await t.http
        .post(`/api/orders/${orderId}/after-sales`)
        .set(await t.customer(name))
        .send({ type: 'RETURN_REFUND', reason: '发错货' })
        .expect(201)
    ).body as AfterSalesView;
  const approve = async (id: number, status = 201) =>
    t.http
      .post(`/api/admin/after-sales/${id}/approve`)
      .set(await t.staff('operator'))
      .send({})
      .expect(status);
  const sendBack = async (name: string, id: number, body: object, status: number) =>
    t.http
      .post(`/api/me/after-sales/${id}/return-shipment`)
      .set(await t.customer(name))
      .send(body)
      .expect(status);
  const steps = (view: AfterSalesView) => view.timeline.map((step) => `${step.label}:${step.state}`);

  it('a return cannot be approved before the shop has a return address', async () => {
    const order = await paidOrder('rt-early');
    const request = await askReturn('rt-early', order.id);
    expect((await approve(request.id, 409)).body.code).toBe('RETURN_ADDRESS_MISSING');
    expect(
      (
        await t.http
          .get('/api/admin/after-sales/return-address')
          .set(await t.staff('support'))
          .expect(200)
      ).body,
    ).toEqual({ returnAddress: null });
  });

  it('only admin and operator set the return address, and the change is audited', async () => {
    await t.http
      .put('/api/admin/after-sales/return-address')
      .set(await t.staff('support'))
      .send(warehouse)
      .expect(403);
    const bad = await t.http
      .put('/api/admin/after-sales/return-address')
      .set(await t.staff('operator'))
      .send({ ...warehouse, phone: 'call me' })
      .expect(400);
    expect(bad.body.code).toBeDefined();
    expect((await setReturnAddress()).body).toEqual({ returnAddress: warehouse });
    const audit = (
      await t.http
        .get('/api/admin/audit-logs?pageSize=100')
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(JSON.stringify(audit)).toContain('after-sales.return-address');
  });

  it('an approved return shows the customer the address; their carrier and tracking number reach staff; receipt refunds', async () => {
    await setReturnAddress();
    const order = await paidOrder('rt-ann');
    const request = await askReturn('rt-ann', order.id);
    expect(steps(request).slice(0, 2)).toEqual(['提交申请:done', '同意退货:current']);
    expect(request.returnAddress).toBeNull();

    await approve(request.id);
    const [approved] = (
      await t.http
        .get('/api/me/after-sales')
        .set(await t.customer('rt-ann'))
        .expect(200)
    ).body as AfterSalesView[];
    expect(approved).toMatchObject({ status: 'AWAITING_RETURN', returnAddress: warehouse, returnShipment: null });
    expect(steps(approved).slice(1, 3)).toEqual(['同意退货:done', '买家寄回:current']);

    const sent = (await sendBack('rt-ann', request.id, { carrier: 'SF', trackingNo: 'SF1234567890' }, 201))
      .body as AfterSalesView;
    expect(sent.returnShipment).toMatchObject({ carrier: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890' });
    const staffView = (
      await t.http
        .get(`/api/admin/after-sales/${request.id}`)
        .set(await t.staff('support'))
        .expect(200)
    ).body as AdminAfterSalesView;
    expect(staffView.returnShipment?.trackingNo).toBe('SF1234567890');
    expect(staffView.timeline[2]).toMatchObject({ label: '买家寄回', state: 'done', detail: '顺丰速运 SF1234567890' });
    expect(staffView.timeline[3]).toMatchObject({ label: '商家收货', state: 'current' });

    const received = (
      await t.http
        .post(`/api/admin/after-sales/${request.id}/received`)
        .set(await t.staff('admin'))
        .send({})
        .expect(201)
    ).body as AdminAfterSalesView;
    expect(received.status).toBe('REFUNDING');
    expect(received.receivedAt).toBeTruthy();
    expect(steps(received).slice(3)).toEqual(['商家收货:done', '退款中:done', '已退款:current']);

    const adminOrder = (
      await t.http
        .get(`/api/admin/orders/${order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
    expect(await pay.completeRefund(adminOrder.refunds[0].outRefundNo)).toBe(204);
    const [done] = (
      await t.http
        .get('/api/me/after-sales')
        .set(await t.customer('rt-ann'))
        .expect(200)
    ).body as AfterSalesView[];
    expect(done.status).toBe('REFUNDED');
    expect(done.timeline.every((step) => step.state === 'done')).toBe(true);
    expect(done.timeline.at(-1)?.label).toBe('已退款');

    const myOrder = (
      await t.http
        .get(`/api/orders/${order.id}`)
        .set(await t.customer('rt-ann'))
        .expect(200)
    ).body as OrderView;
    expect(myOrder.refunds).toEqual([expect.objectContaining({ amountFen: order.totalFen, status: 'SUCCESS' })]);
    const audit = (
      await t.http
        .get('/api/admin/audit-logs?pageSize=100')
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(JSON.stringify(audit)).toContain('after-sales.receive-return');
  });

  it('only the request’s owner may enter the tracking number, only while the goods are awaited, in a valid format', async () => {
    await setReturnAddress();
    const order = await paidOrder('rt-bob');
    const request = await askReturn('rt-bob', order.id);
    const valid = { carrier: 'ZTO', trackingNo: '7589-1234567' };
    expect((await sendBack('rt-bob', request.id, valid, 409)).body.code).toBe('RETURN_NOT_AWAITED');
    await approve(request.id);
    expect((await sendBack('rt-eve', request.id, valid, 404)).body.code).toBe('AFTER_SALES_NOT_FOUND');
    expect((await sendBack('rt-bob', request.id, { carrier: 'ZTO', trackingNo: '12 34' }, 400)).body.code).toBe(
      'TRACKING_NO_INVALID',
    );
    expect((await sendBack('rt-bob', request.id, { carrier: 'UPS', trackingNo: '1234567' }, 400)).body.code).toBe(
      'CARRIER_UNKNOWN',
    );
    // Until it arrives the customer may correct a typo.
    await sendBack('rt-bob', request.id, valid, 201);
    const corrected = (await sendBack('rt-bob', request.id, { ...valid, trackingNo: '7589-7654321' }, 201))
      .body as AfterSalesView;
    expect(corrected.returnShipment?.trackingNo).toBe('7589-7654321');
  });

  it('staff confirm receipt only once the customer has sent the goods back', async () => {
    await setReturnAddress();
    const order = await paidOrder('rt-cat');
    const request = await askReturn('rt-cat', order.id);
    await approve(request.id);
    const early = await t.http
      .post(`/api/admin/after-sales/${request.id}/received`)
      .set(await t.staff('admin'))
      .send({})
      .expect(409);
    expect(early.body.code).toBe('RETURN_NOT_SHIPPED');
  });

  it('a withdrawn return ends in 已撤销 on both sides, with the steps it reached', async () => {
    await setReturnAddress();
    const order = await paidOrder('rt-dan');
    const request = await askReturn('rt-dan', order.id);
    await approve(request.id);
    const cancelled = (
      await t.http
        .post(`/api/me/after-sales/${request.id}/cancel`)
        .set(await t.customer('rt-dan'))
        .expect(201)
    ).body as AfterSalesView;
    expect(steps(cancelled)).toEqual(['提交申请:done', '同意退货:done', '已撤销:done']);
    const staffView = (
      await t.http
        .get(`/api/admin/after-sales/${request.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminAfterSalesView;
    expect(staffView.timeline).toEqual(cancelled.timeline);
  });

  it('我的 counts orders to pay, to ship and to receive, and open after-sales requests, of the caller only', async () => {
    const auth = await t.customer('rt-fay');
    const empty = (await t.http.get('/api/orders/counts').set(auth).expect(200)).body as MyOrderCounts;
    expect(empty).toEqual({ toPay: 0, toShip: 0, toReceive: 0, afterSales: 0 });

    const toShip = await paidOrder('rt-fay');
    const shipped = await paidOrder('rt-fay');
    await t.http
      .post(`/api/admin/orders/${shipped.id}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF7777777777' })
      .expect(201);
    await paidOrder('rt-fay', false);
    await askReturn('rt-fay', toShip.id);

    const counts = (await t.http.get('/api/orders/counts').set(auth).expect(200)).body as MyOrderCounts;
    expect(counts).toEqual({ toPay: 1, toShip: 1, toReceive: 1, afterSales: 1 });
    const toReceive = (await t.http.get('/api/orders?group=TO_RECEIVE').set(auth).expect(200)).body as Page<OrderView>;
    expect(toReceive.items.map((o) => o.id)).toEqual([shipped.id]);
    expect(
      (
        (
          await t.http
            .get('/api/orders/counts')
            .set(await t.customer('rt-gus'))
            .expect(200)
        ).body as MyOrderCounts
      ).toShip,
    ).toBe(0);
    await t.http.get('/api/orders?group=NOPE').set(auth).expect(400);
  });

  it('再来一单 gives back the same SKUs, capped at the stock left, and says what cannot be bought again', async () => {
    const order = await paidOrder('rt-hal');
    const milk = await sku(MILK);
    const again = (
      await t.http
        .post(`/api/orders/${order.id}/reorder`)
        .set(await t.customer('rt-hal'))
        .expect(200)
    ).body as ReorderResult;
    expect(again).toEqual({ items: [{ productId: expect.any(Number), skuId: milk.id, quantity: 1 }], unavailable: [] });
    await t.http
      .post(`/api/orders/${order.id}/reorder`)
      .set(await t.customer('rt-ivy'))
      .expect(404);

    const operator = await t.staff('operator');
    await t.http.patch(`/api/admin/skus/${milk.id}`).set(operator).send({ stock: 0 }).expect(200);
    try {
      const soldOut = (
        await t.http
          .post(`/api/orders/${order.id}/reorder`)
          .set(await t.customer('rt-hal'))
          .expect(200)
      ).body as ReorderResult;
      expect(soldOut.items).toEqual([]);
      expect(soldOut.unavailable).toEqual([{ name: expect.stringContaining('牛奶'), reason: '已售罄' }]);
    } finally {
      await t.http.patch(`/api/admin/skus/${milk.id}`).set(operator).send({ stock: milk.stock }).expect(200);
    }
  });
});
