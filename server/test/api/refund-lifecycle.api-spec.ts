import type {
  AddressView,
  AdminAfterSalesView,
  AdminOrderView,
  AfterSalesView,
  CreateOrderResponse,
  PaymentView,
  RefundQuote,
  RefundRequestView,
  RefundView,
  StaffAlertView,
  StaffRole,
  TierView,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { StaffAlert } from '../../src/milestones/staff-alert.entity';
import { DevRefundSettler } from '../../src/wechat/dev/dev-refund-settler';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { RefundsService } from '../../src/payments/refunds.service';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const DAY = 24 * 3600 * 1000;

/** Issue #16 and #18: every refund, refund request and after-sales request reaches a final state staff and the customer see. */
describe('refund lifecycle', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let simulator: WechatSimulator;
  let tiers: TierView[];
  let cheap: number;
  let dear: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    simulator = t.app.get(WechatSimulator);
    await shopFixtures(t).tier('RL-ANNUAL');
    tiers = (await t.http.get('/api/tiers').expect(200)).body;
    const admin = await t.staff('admin');
    const product = async (code: string, listPriceFen: number) =>
      (
        await t.http
          .post('/api/admin/products')
          .set(admin)
          .send({
            title: `退款测试 ${code}`,
            category: '测试',
            onSale: true,
            skus: [{ code, name: '1 件', listPriceFen, stock: 10_000 }],
          })
          .expect(201)
      ).body.skus[0].id as number;
    cheap = await product('RL-TEA', 10_000);
    dear = await product('RL-WATCH', 300_000);
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const existing = (await t.http.get('/api/me/addresses').set(auth).expect(200)).body as AddressView[];
    if (existing.length) return existing[0].id;
    return (
      (
        await t.http
          .post('/api/me/addresses')
          .set(auth)
          .send({
            name: '王五',
            phone: '13700137000',
            province: '江苏省',
            city: '南京市',
            district: '鼓楼区',
            detail: '中山路 1 号',
          })
          .expect(201)
      ).body as AddressView
    ).id;
  };
  const paidProduct = async (name: string, skuId = cheap) => {
    const created = (
      await t.http
        .post('/api/orders')
        .set(await t.customer(name))
        .send({ items: [{ skuId, quantity: 1 }], addressId: await addressOf(name) })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(created.order.outTradeNo)).toBe(204);
    return created.order;
  };
  const refund = async (role: StaffRole, orderId: number, body: { amountFen?: number; reason?: string } = {}) =>
    t.http
      .post(`/api/admin/orders/${orderId}/refunds`)
      .set(await t.staff(role))
      .send({ reason: '测试退款', ...body });
  const refundOk = async (role: StaffRole, orderId: number, body: { amountFen?: number; reason?: string } = {}) => {
    const res = await refund(role, orderId, body);
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body as RefundView;
  };
  const staffOrder = async (orderId: number) =>
    (
      await t.http
        .get(`/api/admin/orders/${orderId}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminOrderView;
  const refundOf = async (orderId: number, refundId: number) =>
    (await staffOrder(orderId)).refunds.find((r) => r.id === refundId)!;
  const ship = async (orderId: number) =>
    t.http
      .post(`/api/admin/orders/${orderId}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'SF', trackingNo: 'SF1234567890' });
  const afterSales = async (
    name: string,
    orderId: number,
    body: object = { type: 'REFUND_ONLY', reason: '商品破损' },
  ) =>
    (
      await t.http
        .post(`/api/orders/${orderId}/after-sales`)
        .set(await t.customer(name))
        .send(body)
        .expect(201)
    ).body as AfterSalesView;
  const staffAfterSales = async (id: number) =>
    (
      await t.http
        .get(`/api/admin/after-sales/${id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminAfterSalesView;

  it('a refunding order cannot be shipped, from the order view or the shipping file', async () => {
    const order = await paidProduct('rl-ship');
    const started = await refundOk('admin', order.id, { amountFen: 1000 });

    const single = await ship(order.id);
    expect(single.status).toBe(409);
    expect(single.body.code).toBe('ORDER_REFUNDING');
    expect(single.body.message).toMatch(/退款/);
    const csv = `订单号,快递公司,快递单号\n${order.outTradeNo},SF,SF1234567890\n`;
    const bulk = (
      await t.http
        .post('/api/admin/orders/ship-batch')
        .set(await t.staff('operator'))
        .send({ csv })
        .expect(200)
    ).body;
    expect(bulk).toMatchObject({ shipped: 0, failed: 1 });
    expect(bulk.rows[0].error).toMatch(/退款/);
    expect((await staffOrder(order.id)).status).toBe('REFUNDING');

    expect(await pay.completeRefund(started.outRefundNo)).toBe(204);
    expect((await ship(order.id)).status).toBe(201);
  });

  it('a refund WeChat refuses is shown as failed with its reason in Chinese; a retry reuses its out_refund_no', async () => {
    const order = await paidProduct('rl-refused');
    await simulator.refuseRefundsOf(order.outTradeNo, true);
    const refused = await refund('admin', order.id, { amountFen: 2000 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REFUND_REJECTED');
    expect(refused.body.message).toMatch(/微信支付.*余额不足/);
    const view = await staffOrder(order.id);
    expect(view.status).toBe('PAID');
    expect(view.refunds[0]).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/余额不足/) });

    await simulator.refuseRefundsOf(order.outTradeNo, false);
    const retried = (
      await t.http
        .post(`/api/admin/refunds/${view.refunds[0].id}/retry`)
        .set(await t.staff('admin'))
        .send({})
        .expect(201)
    ).body as RefundView;
    expect(retried).toMatchObject({
      id: view.refunds[0].id,
      outRefundNo: view.refunds[0].outRefundNo,
      status: 'PROCESSING',
    });
    expect((await staffOrder(order.id)).status).toBe('REFUNDING');
    expect(await pay.completeRefund(retried.outRefundNo)).toBe(204);
    expect(await refundOf(order.id, retried.id)).toMatchObject({ status: 'SUCCESS', failureReason: null });
  });

  it('a failed refund can be closed by staff, and is then final', async () => {
    const order = await paidProduct('rl-refused-close');
    await simulator.refuseRefundsOf(order.outTradeNo, true);
    expect((await refund('admin', order.id, { amountFen: 2000 })).status).toBe(409);
    const failed = (await staffOrder(order.id)).refunds[0];
    const closed = (
      await t.http
        .post(`/api/admin/refunds/${failed.id}/close`)
        .set(await t.staff('finance'))
        .send({ note: '与顾客协商改为换货' })
        .expect(201)
    ).body as RefundView;
    expect(closed.status).toBe('CLOSED');
    const again = await t.http
      .post(`/api/admin/refunds/${failed.id}/retry`)
      .set(await t.staff('admin'))
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REFUND_NOT_RETRYABLE');
  });

  it('an abnormal refund goes to staff, who refund it offline: the order and the membership follow', async () => {
    const name = 'rl-abnormal';
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: tiers[0].id })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    const started = await refundOk('admin', bought.order.id);
    await simulator.completeRefund(started.outRefundNo, 'ABNORMAL');
    expect(await pay.deliver(await simulator.buildRefundNotification(started.outRefundNo))).toBe(204);
    const abnormal = await refundOf(bought.order.id, started.id);
    expect(abnormal).toMatchObject({ status: 'ABNORMAL', failureReason: expect.stringMatching(/异常/) });

    const offline = (
      await t.http
        .post(`/api/admin/refunds/${started.id}/offline`)
        .set(await t.staff('finance'))
        .send({ note: '已转账至顾客银行卡' })
        .expect(201)
    ).body as RefundView;
    expect(offline).toMatchObject({ status: 'SUCCESS', offline: true });
    expect((await staffOrder(bought.order.id)).status).toBe('REFUNDED');
    expect(
      (
        await t.http
          .get('/api/me/membership')
          .set(await t.customer(name))
          .expect(200)
      ).body.status,
    ).toBe('REVOKED');
  });

  it('a refund waiting for approval is visible on the order, and no second refund of the order starts meanwhile', async () => {
    const order = await paidProduct('rl-pending', dear);
    const asked = await refund('operator', order.id, { amountFen: 250_000 });
    expect(asked.status).toBe(202);
    const view = await staffOrder(order.id);
    expect(view.refundRequests).toEqual([
      expect.objectContaining({ status: 'PENDING', amountFen: 250_000, requestedBy: 'operator' }),
    ]);
    const quote = (
      await t.http
        .get(`/api/admin/orders/${order.id}/refund-quote`)
        .set(await t.staff('operator'))
        .expect(200)
    ).body as RefundQuote;
    expect(quote.pendingRequest).toMatchObject({ amountFen: 250_000 });
    const second = await refund('admin', order.id, { amountFen: 1000 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('REFUND_REQUEST_PENDING');
  });

  it('an after-sales request follows its refund request and its refund to REFUNDED, and cannot be duplicated meanwhile', async () => {
    const name = 'rl-as-approved';
    const order = await paidProduct(name, dear);
    const request = await afterSales(name, order.id);
    const approved = (
      await t.http
        .post(`/api/admin/after-sales/${request.id}/approve`)
        .set(await t.staff('operator'))
        .send({})
        .expect(201)
    ).body as AdminAfterSalesView;
    expect(approved).toMatchObject({ status: 'REFUND_REQUESTED', refundRequest: { status: 'PENDING' } });
    const duplicate = await t.http
      .post(`/api/orders/${order.id}/after-sales`)
      .set(await t.customer(name))
      .send({ type: 'REFUND_ONLY', reason: '商品破损' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('AFTER_SALES_ALREADY_OPEN');

    const decided = (
      await t.http
        .post(`/api/admin/refund-requests/${approved.refundRequest!.id}/approve`)
        .set(await t.staff('finance'))
        .send({})
        .expect(201)
    ).body as RefundRequestView;
    expect((await staffAfterSales(request.id)).status).toBe('REFUNDING');
    expect((await staffAfterSales(request.id)).refund).toMatchObject({ status: 'PROCESSING' });
    expect(await pay.completeRefund(decided.refund!.outRefundNo)).toBe(204);
    const done = await staffAfterSales(request.id);
    expect(done).toMatchObject({ status: 'REFUNDED', refund: { status: 'SUCCESS' }, orderStatus: 'REFUNDED' });
    const mine = (
      await t.http
        .get('/api/me/after-sales')
        .set(await t.customer(name))
        .expect(200)
    ).body as AfterSalesView[];
    expect(mine.find((r) => r.id === request.id)?.status).toBe('REFUNDED');
  });

  it('an after-sales request whose refund request finance rejects ends REJECTED with the note', async () => {
    const name = 'rl-as-rejected';
    const order = await paidProduct(name, dear);
    const request = await afterSales(name, order.id);
    const approved = (
      await t.http
        .post(`/api/admin/after-sales/${request.id}/approve`)
        .set(await t.staff('operator'))
        .send({})
        .expect(201)
    ).body as AdminAfterSalesView;
    await t.http
      .post(`/api/admin/refund-requests/${approved.refundRequest!.id}/reject`)
      .set(await t.staff('finance'))
      .send({ note: '商品已使用，不予退款' })
      .expect(201);
    expect(await staffAfterSales(request.id)).toMatchObject({
      status: 'REJECTED',
      decisionNote: expect.stringContaining('商品已使用，不予退款'),
      refundRequest: { status: 'REJECTED' },
    });
    // the request is over: the customer may ask again
    await afterSales(name, order.id);
  });

  it('an approved after-sales refund shows REFUNDING while WeChat processes it, REFUNDED once it succeeded', async () => {
    const name = 'rl-as-processing';
    const order = await paidProduct(name);
    const request = await afterSales(name, order.id, { type: 'REFUND_ONLY', reason: '商品破损', amountFen: 3000 });
    const approved = (
      await t.http
        .post(`/api/admin/after-sales/${request.id}/approve`)
        .set(await t.staff('operator'))
        .send({})
        .expect(201)
    ).body as AdminAfterSalesView;
    expect(approved).toMatchObject({ status: 'REFUNDING', refund: { status: 'PROCESSING', amountFen: 3000 } });
    const refundRow = (await staffOrder(order.id)).refunds[0];
    await pay.completeRefund(refundRow.outRefundNo);
    expect((await staffAfterSales(request.id)).status).toBe('REFUNDED');
  });

  it('staff adjust an after-sales amount within what the order still holds after a partial refund', async () => {
    const name = 'rl-as-amount';
    const order = await paidProduct(name);
    const partial = await refundOk('admin', order.id, { amountFen: 4000 });
    await pay.completeRefund(partial.outRefundNo);
    const request = await afterSales(name, order.id);
    expect(request.amountFen).toBe(6000);
    const tooMuch = await t.http
      .patch(`/api/admin/after-sales/${request.id}`)
      .set(await t.staff('support'))
      .send({ amountFen: 6001 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.code).toBe('REFUND_AMOUNT_INVALID');
    const adjusted = (
      await t.http
        .patch(`/api/admin/after-sales/${request.id}`)
        .set(await t.staff('support'))
        .send({ amountFen: 2500 })
        .expect(200)
    ).body as AdminAfterSalesView;
    expect(adjusted.amountFen).toBe(2500);
  });

  it('support works the after-sales queue (its refunds follow the refund limit) and the renewal call list', async () => {
    const name = 'rl-support';
    await t.http
      .get('/api/admin/after-sales')
      .set(await t.staff('support'))
      .expect(200);
    await t.http
      .get('/api/admin/reminders/call-list')
      .set(await t.staff('support'))
      .expect(200);
    const small = await afterSales(name, (await paidProduct(name)).id);
    expect(
      (
        await t.http
          .post(`/api/admin/after-sales/${small.id}/approve`)
          .set(await t.staff('support'))
          .send({})
          .expect(201)
      ).body.status,
    ).toBe('REFUNDING');
    const big = await afterSales(name, (await paidProduct(name, dear)).id);
    expect(
      (
        await t.http
          .post(`/api/admin/after-sales/${big.id}/approve`)
          .set(await t.staff('support'))
          .send({})
          .expect(201)
      ).body.status,
    ).toBe('REFUND_REQUESTED');
  });

  it('a flagged payment whose money was refunded is resolved, with who and when', async () => {
    const name = 'rl-flagged';
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer(name))
        .send({ tierId: tiers[0].id })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.deliver(await pay.notification(bought.order.outTradeNo, { amountFen: 1 }))).toBe(204);
    const listed = async () =>
      (
        (
          await t.http
            .get('/api/admin/payments/flagged')
            .set(await t.staff('admin'))
            .expect(200)
        ).body as PaymentView[]
      ).filter((p) => p.orderId === bought.order.id);
    expect(await listed()).toHaveLength(1);
    const started = await refundOk('finance', bought.order.id);
    await pay.completeRefund(started.outRefundNo);
    expect(await listed()).toHaveLength(0);
    expect((await staffOrder(bought.order.id)).payment).toMatchObject({
      status: 'FLAGGED',
      resolution: 'REFUNDED',
      resolvedBy: 'finance',
      resolvedAt: expect.any(String),
    });
  });

  it('a staff alert can be resolved with a note, and shows who resolved it and when', async () => {
    const customerId = (await staffOrder((await paidProduct('rl-alert')).id)).customer.id;
    const alert = await t.app.get(DataSource).getRepository(StaffAlert).save({
      kind: 'MILESTONE_SPEND_DROPPED',
      customerId,
      orderId: null,
      message: '退款后消费低于已领取的里程碑',
      details: null,
      resolvedAt: null,
    });
    const resolved = (
      await t.http
        .post(`/api/admin/alerts/${alert.id}/resolve`)
        .set(await t.staff('operator'))
        .send({ note: '礼包已发出，不追回' })
        .expect(201)
    ).body as StaffAlertView;
    expect(resolved).toMatchObject({
      id: alert.id,
      resolvedBy: 'operator',
      resolutionNote: '礼包已发出，不追回',
      resolvedAt: expect.any(String),
    });
    expect(
      (
        await t.http
          .post(`/api/admin/alerts/${alert.id}/resolve`)
          .set(await t.staff('operator'))
          .send({ note: '再次' })
      ).status,
    ).toBe(409);
  });

  it('dev-mode refunds settle by themselves after the configured delay, with the notification WeChat would send', async () => {
    const order = await paidProduct('rl-dev-settle');
    const started = await refundOk('admin', order.id, { amountFen: 1500 });
    const settler = t.app.get(DevRefundSettler);
    const delay = t.config.devRefundSettleSeconds;
    try {
      t.config.devRefundSettleSeconds = 3600;
      await settler.run();
      expect(await refundOf(order.id, started.id)).toMatchObject({ status: 'PROCESSING' }); // its delay has not passed
      t.config.devRefundSettleSeconds = 0;
      expect(await settler.run()).toBeGreaterThanOrEqual(1);
    } finally {
      t.config.devRefundSettleSeconds = delay;
    }
    expect(await refundOf(order.id, started.id)).toMatchObject({ status: 'SUCCESS' });
    expect((await staffOrder(order.id)).status).toBe('PAID');
  });

  describe('WeChat Pay refund limits', () => {
    it('no refund later than 365 days after the payment', async () => {
      const order = await paidProduct('rl-window');
      t.clock.advance(366 * DAY);
      try {
        const late = await refund('admin', order.id, { amountFen: 100 });
        expect(late.status).toBe(409);
        expect(late.body).toMatchObject({ code: 'REFUND_WINDOW_CLOSED', message: expect.stringMatching(/365 天/) });
        expect((await staffOrder(order.id)).refunds).toHaveLength(0);
      } finally {
        t.clock.advance(-366 * DAY);
      }
    });

    it('a refund within a minute of the previous one of the order is queued, then sent to WeChat when its minute is up', async () => {
      const order = await paidProduct('rl-minute');
      const first = await refundOk('admin', order.id, { amountFen: 1000 });
      await pay.completeRefund(first.outRefundNo);
      const queued = await refundOk('admin', order.id, { amountFen: 1000 });
      expect(queued).toMatchObject({ status: 'PROCESSING', queuedUntil: expect.any(String) });
      expect(await simulator.queryRefund(queued.outRefundNo)).toBeUndefined();
      expect(await t.app.get(RefundsService).submitQueued()).toBe(0);
      t.clock.advance(61_000);
      expect(await t.app.get(RefundsService).submitQueued()).toBe(1);
      expect(await simulator.queryRefund(queued.outRefundNo)).toMatchObject({ status: 'PROCESSING' });
      expect(await refundOf(order.id, queued.id)).toMatchObject({ status: 'PROCESSING', queuedUntil: null });
    });

    it('at most 50 refunds per order', async () => {
      const order = await paidProduct('rl-fifty');
      for (let i = 0; i < 50; i++) {
        const made = await refundOk('admin', order.id, { amountFen: 10 });
        await pay.completeRefund(made.outRefundNo);
        t.clock.advance(61_000);
      }
      const fiftyFirst = await refund('admin', order.id, { amountFen: 10 });
      expect(fiftyFirst.status).toBe(409);
      expect(fiftyFirst.body).toMatchObject({ code: 'REFUND_COUNT_EXCEEDED', message: expect.stringMatching(/50/) });
    });
  });
});

/** The same refund rules against WeChat Pay's real wire format (the live gateway talking to the fake WeChat server). */
describe('refund lifecycle (WeChat live)', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('live'));
    await shopFixtures(t).tier('RL-LIVE');
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  it('a refund WeChat refuses is FAILED with the reason in Chinese, retried with its out_refund_no; an abnormal one waits for staff', async () => {
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    const bought = (
      await t.http
        .post('/api/orders/membership')
        .set(await t.customer('rl-live'))
        .send({ tierId: tiers[0].id })
        .expect(201)
    ).body as CreateOrderResponse;
    expect(await pay.confirm(bought.order.outTradeNo)).toBe(204);
    await pay.simulator.refuseRefundsOf(bought.order.outTradeNo, true);
    const admin = await t.staff('admin');
    const refused = await t.http
      .post(`/api/admin/orders/${bought.order.id}/refunds`)
      .set(admin)
      .send({ amountFen: 1000, reason: '测试退款' });
    expect([refused.status, refused.body.code]).toEqual([409, 'REFUND_REJECTED']);
    const failed = (
      (await t.http.get(`/api/admin/orders/${bought.order.id}`).set(admin).expect(200)).body as AdminOrderView
    ).refunds[0];
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/余额不足/) });

    await pay.simulator.refuseRefundsOf(bought.order.outTradeNo, false);
    const retried = (await t.http.post(`/api/admin/refunds/${failed.id}/retry`).set(admin).send({}).expect(201))
      .body as RefundView;
    expect(retried).toMatchObject({ outRefundNo: failed.outRefundNo, status: 'PROCESSING' });
    await pay.simulator.completeRefund(retried.outRefundNo, 'ABNORMAL');
    expect(await pay.deliver(await pay.simulator.buildRefundNotification(retried.outRefundNo))).toBe(204);
    const view = (await t.http.get(`/api/admin/orders/${bought.order.id}`).set(admin).expect(200))
      .body as AdminOrderView;
    expect(view.refunds[0]).toMatchObject({ status: 'ABNORMAL', failureReason: expect.stringMatching(/异常/) });
    expect(view.status).toBe('REFUNDING');
  });
});
