import type {
  AddressView,
  AdminAfterSalesView,
  AfterSalesView,
  CreateOrderResponse,
  OrderView,
  Page,
  UploadedPhoto,
} from '@member-commerce/shared';
import { PhotoCleanupJob } from '../../src/after-sales/photo-cleanup.job';
import { PHOTO_QUOTA_PER_ORDER } from '../../src/after-sales/photos.service';
import { PaymentDriver, startPaymentDriver } from '../support/payment-driver';
import { shopFixtures } from '../support/shop-fixtures';
import { TestApp } from '../support/test-app';

/** The smallest valid PNG (1×1). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('after-sales requests', () => {
  let t: TestApp;
  let pay: PaymentDriver;
  /** A carton of milk at list price, the product every order here buys. */
  let milkSkuId: number;
  beforeAll(async () => {
    ({ app: t, driver: pay } = await startPaymentDriver('dev'));
    milkSkuId = (await shopFixtures(t).product('AS-MILK-24', 8_900, { title: '测试纯牛奶 12 盒' })).skuId;
  });
  afterAll(async () => {
    await t.close();
    await pay.close();
  });

  const addressOf = async (name: string) => {
    const auth = await t.customer(name);
    const created = await t.http
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
      .expect(201);
    return (created.body as AddressView).id;
  };
  /** A paid product order of `name` (two cartons of milk at list price). */
  const paidOrder = async (name: string) => {
    const created = (
      await t.http
        .post('/api/orders')
        .set(await t.customer(name))
        .send({ items: [{ skuId: milkSkuId, quantity: 2 }], addressId: await addressOf(name) })
        .expect(201)
    ).body as CreateOrderResponse;
    await pay.confirm(created.order.outTradeNo);
    return created.order;
  };
  const ask = async (
    name: string,
    orderId: number,
    status: number,
    body: object = { type: 'REFUND_ONLY', reason: '商品破损' },
  ) =>
    t.http
      .post(`/api/orders/${orderId}/after-sales`)
      .set(await t.customer(name))
      .send(body)
      .expect(status);
  const upload = async (
    name: string,
    orderId: number | undefined,
    status: number,
    bytes: Buffer = PNG,
    type = 'image/png',
  ) =>
    t.http
      .post(`/api/after-sales/photos${orderId === undefined ? '' : `?orderId=${orderId}`}`)
      .set(await t.customer(name))
      .set('content-type', type)
      .send(bytes)
      .expect(status);

  it('a customer asks for a refund with photos; staff see it in the queue and approving refunds the money', async () => {
    const order = await paidOrder('as-amy');
    const photo = (await upload('as-amy', order.id, 201)).body as UploadedPhoto;
    expect(photo.url).toBe(`/api/after-sales/photos/${photo.name}`);
    const image = await t.http.get(photo.url).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['x-content-type-options']).toBe('nosniff');

    const created = (
      await ask('as-amy', order.id, 201, {
        type: 'REFUND_ONLY',
        reason: '商品破损',
        description: '瓶子漏了',
        photos: [photo.name],
        amountFen: 1000,
      })
    ).body as AfterSalesView;
    expect(created).toMatchObject({
      orderId: order.id,
      status: 'PENDING',
      amountFen: 1000,
      photos: [{ name: photo.name }],
    });

    const queue = (
      await t.http
        .get('/api/admin/after-sales?status=PENDING')
        .set(await t.staff('operator'))
        .expect(200)
    ).body as Page<AdminAfterSalesView>;
    expect(queue.items.find((item) => item.id === created.id)).toMatchObject({
      customer: { nickname: expect.any(String) },
      orderTotalFen: order.totalFen,
    });

    const approved = (
      await t.http
        .post(`/api/admin/after-sales/${created.id}/approve`)
        .set(await t.staff('operator'))
        .send({ note: '同意' })
        .expect(201)
    ).body as AdminAfterSalesView;
    // WeChat has accepted the refund, not finished it: the request follows it (refund-lifecycle spec)
    expect(approved).toMatchObject({
      status: 'REFUNDING',
      refund: { amountFen: 1000, status: 'PROCESSING' },
      decidedBy: 'operator',
    });
    const refunds = (
      await t.http
        .get(`/api/admin/orders/${order.id}`)
        .set(await t.staff('admin'))
        .expect(200)
    ).body.refunds as { amountFen: number }[];
    expect(refunds.map((refund) => refund.amountFen)).toEqual([1000]);
    const audit = (
      await t.http
        .get('/api/admin/audit-logs?pageSize=100')
        .set(await t.staff('admin'))
        .expect(200)
    ).body;
    expect(JSON.stringify(audit)).toContain('after-sales.refund');

    await t.http
      .post(`/api/admin/after-sales/${created.id}/reject`)
      .set(await t.staff('operator'))
      .send({ note: '重复处理' })
      .expect(409);
  });

  it('an order has at most one open request, and a new one may follow once it is closed', async () => {
    const order = await paidOrder('as-ben');
    const first = (await ask('as-ben', order.id, 201)).body as AfterSalesView;
    expect((await ask('as-ben', order.id, 409)).body.code).toBe('AFTER_SALES_ALREADY_OPEN');
    await t.http
      .post(`/api/me/after-sales/${first.id}/cancel`)
      .set(await t.customer('as-ben'))
      .expect(201);
    await ask('as-ben', order.id, 201);
    const mine = (
      await t.http
        .get(`/api/me/after-sales?orderId=${order.id}`)
        .set(await t.customer('as-ben'))
        .expect(200)
    ).body as AfterSalesView[];
    expect(mine.map((row) => row.status)).toEqual(['PENDING', 'CANCELLED']);
  });

  it('the amount cannot pass what is still refundable', async () => {
    const order = await paidOrder('as-cat');
    const res = await ask('as-cat', order.id, 400, {
      type: 'REFUND_ONLY',
      reason: '不想要了',
      amountFen: order.totalFen + 1,
    });
    expect(res.body.code).toBe('REFUND_AMOUNT_INVALID');
  });

  it('rejecting keeps the money and tells the customer why', async () => {
    const order = await paidOrder('as-dan');
    const created = (await ask('as-dan', order.id, 201)).body as AfterSalesView;
    await t.http
      .post(`/api/admin/after-sales/${created.id}/reject`)
      .set(await t.staff('operator'))
      .send({ note: '图片无法证明破损' })
      .expect(201);
    const [mine] = (
      await t.http
        .get('/api/me/after-sales')
        .set(await t.customer('as-dan'))
        .expect(200)
    ).body as AfterSalesView[];
    expect(mine).toMatchObject({ status: 'REJECTED', decisionNote: '图片无法证明破损', refund: null });
    expect(
      (
        (
          await t.http
            .get(`/api/orders/${order.id}`)
            .set(await t.customer('as-dan'))
            .expect(200)
        ).body as OrderView
      ).refundedFen,
    ).toBe(0);
  });

  it('a return is refunded only once the goods are received', async () => {
    const order = await paidOrder('as-eve');
    const created = (await ask('as-eve', order.id, 201, { type: 'RETURN_REFUND', reason: '发错货' }))
      .body as AfterSalesView;
    const admin = await t.staff('admin');
    await t.http
      .put('/api/admin/after-sales/return-address')
      .set(admin)
      .send({ name: '仓库', phone: '021-61234567', address: '上海市浦东新区张江路 100 号' })
      .expect(200);
    expect(
      (await t.http.post(`/api/admin/after-sales/${created.id}/approve`).set(admin).send({}).expect(201)).body.status,
    ).toBe('AWAITING_RETURN');
    await t.http
      .post(`/api/me/after-sales/${created.id}/return-shipment`)
      .set(await t.customer('as-eve'))
      .send({ carrier: 'SF', trackingNo: 'SF1234567890' })
      .expect(201);
    const received = (
      await t.http.post(`/api/admin/after-sales/${created.id}/received`).set(admin).send({}).expect(201)
    ).body as AdminAfterSalesView;
    expect(received).toMatchObject({
      status: 'REFUNDING',
      refund: { amountFen: order.totalFen, status: 'PROCESSING' },
    });
  });

  it("another customer's order is a 404, and gift or unpaid orders cannot have after-sales", async () => {
    const order = await paidOrder('as-fay');
    expect((await ask('as-gus', order.id, 404)).body.code).toBe('ORDER_NOT_FOUND');
    const unpaid = (
      await t.http
        .post('/api/orders')
        .set(await t.customer('as-fay'))
        .send({ items: [{ skuId: milkSkuId, quantity: 1 }], addressId: await addressOf('as-fay') })
        .expect(201)
    ).body as CreateOrderResponse;
    expect((await ask('as-fay', unpaid.order.id, 409)).body.code).toBe('AFTER_SALES_NOT_ALLOWED');
    const created = (await ask('as-fay', order.id, 201)).body as AfterSalesView;
    await t.http
      .post(`/api/me/after-sales/${created.id}/cancel`)
      .set(await t.customer('as-gus'))
      .expect(404);
  });

  it('photos must be real images within the size limit, and named photos must exist', async () => {
    const order = await paidOrder('as-hal');
    expect((await upload('as-hal', order.id, 415, Buffer.from('not an image at all'), 'image/jpeg')).body.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await upload('as-hal', order.id, 413, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    const res = await ask('as-hal', order.id, 400, {
      type: 'REFUND_ONLY',
      reason: '其他',
      photos: ['00000000-0000-0000-0000-000000000000.png'],
    });
    expect(res.body.code).toBe('PHOTO_NOT_FOUND');
    await t.http
      .post(`/api/after-sales/photos?orderId=${order.id}`)
      .set('content-type', 'image/png')
      .send(PNG)
      .expect(401);
  });

  it('a file that only starts like an image is refused: photos are really decoded, and stored re-encoded', async () => {
    const order = await paidOrder('as-ivy');
    const polyglot = Buffer.concat([
      PNG.subarray(0, 33),
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ]);
    expect((await upload('as-ivy', order.id, 415, polyglot)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const jpegMagic = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<svg onload=alert(1)>')]);
    expect((await upload('as-ivy', order.id, 415, jpegMagic, 'image/jpeg')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const stored = (await upload('as-ivy', order.id, 201)).body as UploadedPhoto;
    const served = await t.http.get(stored.url).buffer(true).expect(200);
    expect((served.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(stored.name).toMatch(/\.jpg$/);
  });

  it("photos are uploaded only against the customer's own order that may have after-sales", async () => {
    const order = await paidOrder('as-jay');
    expect((await upload('as-jay', undefined, 400)).body.code).toBe('VALIDATION_FAILED');
    expect((await upload('as-kim', order.id, 404)).body.code).toBe('ORDER_NOT_FOUND');
    const unpaid = (
      await t.http
        .post('/api/orders')
        .set(await t.customer('as-jay'))
        .send({ items: [{ skuId: milkSkuId, quantity: 1 }], addressId: await addressOf('as-jay') })
        .expect(201)
    ).body as CreateOrderResponse;
    expect((await upload('as-jay', unpaid.order.id, 409)).body.code).toBe('AFTER_SALES_NOT_ALLOWED');
    const photo = (await upload('as-jay', order.id, 201)).body as UploadedPhoto;
    const other = await paidOrder('as-kim');
    expect(
      (await ask('as-kim', other.id, 400, { type: 'REFUND_ONLY', reason: '其他', photos: [photo.name] })).body.code,
    ).toBe('PHOTO_NOT_FOUND');
  });

  it('an order takes a limited number of photos', async () => {
    const order = await paidOrder('as-lee');
    for (let i = 0; i < PHOTO_QUOTA_PER_ORDER; i++) await upload('as-lee', order.id, 201);
    const over = await upload('as-lee', order.id, 429);
    expect(over.body.code).toBe('PHOTO_QUOTA_EXCEEDED');
  });

  it('photos never attached to a request are removed after a day; attached ones stay', async () => {
    const order = await paidOrder('as-max');
    const kept = (await upload('as-max', order.id, 201)).body as UploadedPhoto;
    const orphan = (await upload('as-max', order.id, 201)).body as UploadedPhoto;
    await ask('as-max', order.id, 201, { type: 'REFUND_ONLY', reason: '商品破损', photos: [kept.name] });
    await t.app.get(PhotoCleanupJob).run();
    await t.http.get(orphan.url).expect(200);
    t.clock.advance(25 * 3600 * 1000);
    await t.app.get(PhotoCleanupJob).run();
    await t.http.get(orphan.url).expect(404);
    await t.http.get(kept.url).expect(200);
  });
});
