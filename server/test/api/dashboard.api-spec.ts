import type { AddressView, AdminProductView, CreateOrderResponse, DashboardTodo } from '@member-commerce/shared';
import { LOW_STOCK_THRESHOLD } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

describe('dashboard to-dos', () => {
  let t: TestApp;
  const todos = async (role: 'admin' | 'support' = 'admin') =>
    new Map(
      (
        (
          await t.http
            .get('/api/admin/dashboard/todos')
            .set(await t.staff(role))
            .expect(200)
        ).body as DashboardTodo[]
      ).map((todo) => [todo.key, todo]),
    );

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t.close());

  it('counts the orders to ship and the on-sale SKUs running low, each with the page that works it', async () => {
    const before = await todos();
    const operator = await t.staff('operator');
    const product = (
      await t.http
        .post('/api/admin/products')
        .set(operator)
        .send({
          title: '待办测试腊肉',
          category: '待办测试',
          skus: [{ code: 'TODO-BACON', name: '500g', listPriceFen: 6_800, stock: LOW_STOCK_THRESHOLD + 1 }],
        })
        .expect(201)
    ).body as AdminProductView;
    const buyer = await t.customer('todo-buyer');
    const address = (
      await t.http
        .post('/api/me/addresses')
        .set(buyer)
        .send({
          name: '李四',
          phone: '13900139000',
          province: '四川省',
          city: '成都市',
          district: '武侯区',
          detail: '天府大道 1 号',
        })
        .expect(201)
    ).body as AddressView;
    const order = (
      await t.http
        .post('/api/orders')
        .set(buyer)
        .send({ items: [{ skuId: product.skus[0].id, quantity: 1 }], addressId: address.id })
        .expect(201)
    ).body as CreateOrderResponse;
    await t.http.post(`/api/dev/wechat/pay/${order.order.outTradeNo}/confirm`).expect(201);

    const after = await todos();
    expect(after.get('TO_SHIP')).toMatchObject({
      label: '待发货',
      count: before.get('TO_SHIP')!.count + 1,
      link: '/orders?fulfilment=TO_SHIP',
    });
    expect(after.get('LOW_STOCK')).toMatchObject({
      label: '库存预警',
      count: before.get('LOW_STOCK')!.count + 1,
      link: '/products?lowStock=1',
    });
    const lowStock = (
      await t.http.get('/api/admin/products').query({ lowStock: 'true', pageSize: 100 }).set(operator).expect(200)
    ).body as { items: AdminProductView[] };
    expect(lowStock.items.map((item) => item.id)).toContain(product.id);
    expect(
      lowStock.items.every((item) => item.onSale && item.skus.some((sku) => sku.stock <= LOW_STOCK_THRESHOLD)),
    ).toBe(true);
  });

  it('shows customer service its queues too', async () => {
    const forSupport = await todos('support');
    expect([...forSupport.keys()]).toEqual(
      expect.arrayContaining(['TO_SHIP', 'AFTER_SALES_OPEN', 'REFUND_REQUESTS_PENDING', 'LOW_STOCK']),
    );
  });
});
