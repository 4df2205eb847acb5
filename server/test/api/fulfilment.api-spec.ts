import type {
  AddressView,
  AdminOrderView,
  BulkShipResult,
  CreateOrderResponse,
  OrderView,
  Page,
} from '@member-commerce/shared';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { TestApp } from '../support/test-app';

/** Fulfilment (issue #13): staff ship with a courier and tracking number; the customer sees both; filters find the work. */
describe('fulfilment', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  let skuId: number;

  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    const product = await t.http
      .post('/api/admin/products')
      .set(await t.staff('admin'))
      .send({
        title: '测试发货商品',
        category: '测试',
        onSale: true,
        skus: [{ code: 'FF-ONE', name: '一件', listPriceFen: 12_000, stock: 100 }],
      })
      .expect(201);
    skuId = product.body.skus[0].id;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const paidOrder = async (name: string) => {
    const auth = await t.customer(name);
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(auth)
        .send({
          name: '孙八',
          phone: '13500135000',
          province: '广东省',
          city: '深圳市',
          district: '南山区',
          detail: '科技园 1 号',
        })
        .expect(201)
    ).body as AddressView;
    const created = (
      await t.http
        .post('/api/orders')
        .set(auth)
        .send({ items: [{ skuId, quantity: 1 }], addressId: address.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(created.order.outTradeNo);
    return created.order.id;
  };
  const search = async (query: Record<string, string | number>) =>
    (
      (
        await t.http
          .get('/api/admin/orders')
          .query(query)
          .set(await t.staff('operator'))
          .expect(200)
      ).body as Page<AdminOrderView>
    ).items.map((order) => order.id);

  it('staff ship with a courier and tracking number, and the customer sees them on the order', async () => {
    const id = await paidOrder('ff-amy');
    const shipped = (
      await t.http
        .post(`/api/admin/orders/${id}/ship`)
        .set(await t.staff('operator'))
        .send({ carrier: 'SF', trackingNo: 'SF1234567890' })
        .expect(201)
    ).body as AdminOrderView;
    expect(shipped.status).toBe('SHIPPED');
    const seen = (
      await t.http
        .get(`/api/orders/${id}`)
        .set(await t.customer('ff-amy'))
        .expect(200)
    ).body as OrderView;
    expect(seen.shipment).toMatchObject({ carrier: 'SF', carrierName: '顺丰速运', trackingNo: 'SF1234567890' });
  });

  it('shipping needs a known courier and a plausible tracking number', async () => {
    const id = await paidOrder('ff-ben');
    for (const body of [{}, { carrier: 'NOPE', trackingNo: 'SF1234567890' }, { carrier: 'SF', trackingNo: '12' }]) {
      const res = await t.http
        .post(`/api/admin/orders/${id}/ship`)
        .set(await t.staff('operator'))
        .send(body);
      expect(res.status).toBe(400);
    }
  });

  it('orders filter by fulfilment status, tier and creation day', async () => {
    const waiting = await paidOrder('ff-cat');
    const toShip = await search({ fulfilment: 'TO_SHIP', pageSize: 100 });
    expect(toShip).toContain(waiting);
    await t.http
      .post(`/api/admin/orders/${waiting}/ship`)
      .set(await t.staff('operator'))
      .send({ carrier: 'ZTO', trackingNo: '75300000001' })
      .expect(201);
    expect(await search({ fulfilment: 'TO_SHIP', pageSize: 100 })).not.toContain(waiting);
    expect(await search({ fulfilment: 'SHIPPED', pageSize: 100 })).toContain(waiting);
    const today = new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await search({ from: today, to: today, pageSize: 100 })).toContain(waiting);
    expect(await search({ from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
    const bad = await t.http
      .get('/api/admin/orders')
      .query({ from: 'yesterday' })
      .set(await t.staff('operator'));
    expect(bad.status).toBe(400);
  });

  it('a shipping file ships each good row on its own and says why a bad one did not', async () => {
    const first = await paidOrder('ff-dan');
    const second = await paidOrder('ff-eve');
    const [a, b] = await Promise.all(
      [first, second].map(
        async (id) =>
          (
            (
              await t.http
                .get(`/api/admin/orders/${id}`)
                .set(await t.staff('operator'))
                .expect(200)
            ).body as AdminOrderView
          ).outTradeNo,
      ),
    );
    const csv = `\uFEFF订单号,快递公司,快递单号\n${a},顺丰速运,SF2000000001\n${b},火箭快递,X2000000002\nMC-NOPE,中通快递,75300000009\n`;
    const result = (
      await t.http
        .post('/api/admin/orders/ship-batch')
        .set(await t.staff('operator'))
        .send({ csv })
        .expect(200)
    ).body as BulkShipResult;
    expect(result).toMatchObject({ shipped: 1, failed: 2 });
    expect(result.rows.map((row) => [row.line, row.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(result.rows[1].error).toContain('未知快递公司');
    expect(result.rows[2].error).toBe('订单不存在');
    const seen = (
      await t.http
        .get(`/api/orders/${first}`)
        .set(await t.customer('ff-dan'))
        .expect(200)
    ).body as OrderView;
    expect(seen.shipment).toMatchObject({ carrier: 'SF', trackingNo: 'SF2000000001' });
    const missing = await t.http
      .post('/api/admin/orders/ship-batch')
      .set(await t.staff('operator'))
      .send({ csv: '订单号,快递单号\nX,Y\n' });
    expect(missing.status).toBe(400);
    await t.http
      .post('/api/admin/orders/ship-batch')
      .set(await t.staff('support'))
      .send({ csv })
      .expect(403);
  });

  it('a shipping file is previewed row by row (recipient, courier, reason in Chinese) and ships nothing until applied; applying twice ships nothing twice', async () => {
    const ready = await paidOrder('ff-preview');
    const gone = await paidOrder('ff-preview-refunded');
    const operator = await t.staff('operator');
    const numberOf = async (id: number) =>
      ((await t.http.get(`/api/admin/orders/${id}`).set(operator).expect(200)).body as AdminOrderView).outTradeNo;
    const csv = `订单号,快递公司,快递单号\n${await numberOf(ready)},SF,SF3000000001\n${await numberOf(gone)},中通快递,75300000010\nMC-NOPE,中通快递,75300000011\n`;
    const ship = (preview: boolean) => t.http.post('/api/admin/orders/ship-batch').set(operator).send({ csv, preview });

    const preview = (await ship(true).expect(200)).body as BulkShipResult;
    expect(preview).toMatchObject({ preview: true, shipped: 2, failed: 1 });
    expect(preview.rows[0]).toMatchObject({ ok: true, recipient: expect.any(String), carrierName: '顺丰速运' });
    expect(preview.rows[2]).toMatchObject({ ok: false, error: '订单不存在' });
    expect((await t.http.get(`/api/admin/orders/${ready}`).set(operator).expect(200)).body.status).toBe('PAID');

    // Between the preview and the apply, one order starts a full refund: its row is left out, with the reason.
    const refund = await t.http
      .post(`/api/admin/orders/${gone}/refunds`)
      .set(await t.staff('admin'))
      .send({ reason: '顾客取消' })
      .expect(201);
    expect(refund.body.status).toBe('PROCESSING');
    const applied = (await ship(false).expect(200)).body as BulkShipResult;
    expect(applied).toMatchObject({ shipped: 1, skipped: 0, failed: 2 });
    expect(applied.rows[1]).toMatchObject({ ok: false, error: expect.stringMatching(/退款/) });
    expect((await t.http.get(`/api/admin/orders/${ready}`).set(operator).expect(200)).body.status).toBe('SHIPPED');

    const again = (await ship(false).expect(200)).body as BulkShipResult;
    expect(again).toMatchObject({ shipped: 0, skipped: 1, failed: 2 });
    expect(again.rows[0]).toMatchObject({ ok: true, skipped: true });
  });

  it('the filtered orders export as CSV with a BOM, in yuan, with courier and tracking number', async () => {
    const res = await t.http
      .get('/api/admin/orders/export')
      .query({ fulfilment: 'SHIPPED' })
      .set(await t.staff('finance'))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trim().split('\n');
    expect(header).toContain('快递单号');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.join('\n')).toContain('SF1234567890');
    expect(rows.join('\n')).toContain('120.00');
  });
});
