import type {
  AdminProductView,
  CreateOrderResponse,
  MyMembershipView,
  OrderView,
  TierView,
} from '@member-commerce/shared';
import type { SignedNotification } from '../../src/wechat/dev/wechat-simulator';
import { ClusterClient, startClusterClient } from '../support/cluster-client';

/**
 * Concurrent requests on the real built server (two processes on one database with TEST_PROCESSES=2): the
 * database, not a process's memory, decides who gets the last unit and which notification settles an order.
 */
describe('races between concurrent requests', () => {
  let c: ClusterClient;

  beforeAll(async () => {
    // The simulator's pay confirm is limited per address (it has no account); these races confirm some 50 payments.
    c = await startClusterClient({ RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '1000', RATE_LIMIT_SENSITIVE_PER_IP: '1000' });
  });
  afterAll(() => c?.close());

  const addressFor = async (token: string) =>
    (
      await c.api<{ id: number }>('/api/me/addresses', {
        method: 'POST',
        token,
        body: {
          name: '张三',
          phone: '13800138000',
          province: '上海市',
          city: '上海市',
          district: '浦东新区',
          detail: '1 号',
        },
      })
    ).body.id;

  it('50 buyers racing for the last unit: exactly one order gets it, the others are told it is out of stock', async () => {
    const admin = await c.staff('admin');
    const created = await c.api<{ id: number; skus: { id: number }[] }>('/api/admin/products', {
      method: 'POST',
      token: admin,
      body: {
        title: '最后一件',
        category: '限量',
        skus: [{ code: 'RACE-LAST', name: '唯一', listPriceFen: 5000, stock: 1 }],
      },
    });
    expect(created.status).toBe(201);
    const skuId = created.body.skus[0].id;
    const buyers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const token = await c.login(`race-buyer-${i}`);
        return { token, addressId: await addressFor(token) };
      }),
    );

    const answers = await Promise.all(
      buyers.map(({ token, addressId }) =>
        c.api<{ code?: string }>('/api/orders', {
          method: 'POST',
          token,
          body: { items: [{ skuId, quantity: 1 }], addressId },
        }),
      ),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => [a.status, a.body.code])).toEqual(refused.map(() => [409, 'OUT_OF_STOCK']));
    const product = (await c.api<AdminProductView>(`/api/admin/products/${created.body.id}`, { token: admin })).body;
    expect(product.skus[0].stock).toBe(0);
  });

  it('a payment notification replayed 20 times at once, across every process, activates the membership once', async () => {
    const token = await c.login('race-replay');
    const tier = (await c.api<TierView[]>('/api/tiers')).body.find((t) => t.giftPacks.length > 0)!;
    const { order } = (
      await c.api<CreateOrderResponse>('/api/orders/membership', {
        method: 'POST',
        token,
        body: { tierId: tier.id, giftPackId: tier.giftPacks[0].id },
      })
    ).body;
    const notification = (
      await c.api<SignedNotification>(`/api/dev/wechat/pay/${order.outTradeNo}/notification`, { method: 'POST' })
    ).body;
    const hitsBefore = [...c.cluster.hits];

    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        c
          .api('/api/payments/wechat/notify', {
            method: 'POST',
            headers: notification.headers,
            rawBody: notification.body,
          })
          .then((a) => a.status),
      ),
    );

    expect(statuses).toEqual(statuses.map(() => 204));
    if (c.cluster.size > 1)
      expect(c.cluster.hits.every((hits, i) => hits - hitsBefore[i] >= 20 / c.cluster.size - 1)).toBe(true);
    expect((await c.api<OrderView>(`/api/orders/${order.id}`, { token })).body.status).toBe('PAID');
    const membership = (await c.api<MyMembershipView & { terms: unknown[] }>('/api/me/membership', { token })).body;
    expect(membership.status).toBe('ACTIVE');
    expect(membership.terms).toHaveLength(1);
    expect((await c.api<{ orders: OrderView[] }>('/api/me/gift-packs', { token })).body.orders).toHaveLength(1);
  });

  it('the pay page confirmed from every process at once pays and settles the order once', async () => {
    const token = await c.login('race-confirm');
    const tier = (await c.api<TierView[]>('/api/tiers')).body[0];
    const { order } = (
      await c.api<CreateOrderResponse>('/api/orders/membership', { method: 'POST', token, body: { tierId: tier.id } })
    ).body;

    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        c.api<{ notifyStatus: number }>(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`, { method: 'POST' }),
      ),
    );

    expect(answers.map((a) => [a.status, a.body.notifyStatus])).toEqual(answers.map(() => [201, 204]));
    const membership = (await c.api<MyMembershipView & { terms: unknown[] }>('/api/me/membership', { token })).body;
    expect(membership.terms).toHaveLength(1);
  });

  it('two membership orders of one customer settled at the same moment, across processes, give two consecutive terms (20 trials)', async () => {
    const tiers = (await c.api<TierView[]>('/api/tiers')).body;
    const tier = tiers.find((t) => t.code === 'ANNUAL') ?? tiers[0];
    const overlapping: { trial: number; daysLeft: number }[] = [];
    for (let trial = 0; trial < 20; trial++) {
      const token = await c.login(`race-double-settle-${trial}`);
      const buy = async () =>
        (
          await c.api<CreateOrderResponse>('/api/orders/membership', {
            method: 'POST',
            token,
            body: { tierId: tier.id },
          })
        ).body.order;
      const [a, b] = [await buy(), await buy()];
      const answers = await Promise.all(
        [a, b].map((order) =>
          c.api<{ notifyStatus: number }>(`/api/dev/wechat/pay/${order.outTradeNo}/confirm`, { method: 'POST' }),
        ),
      );
      expect(answers.map((answer) => answer.body.notifyStatus)).toEqual([204, 204]);
      const membership = (await c.api<MyMembershipView & { daysLeft?: number }>('/api/me/membership', { token })).body;
      const daysLeft = Math.round((new Date(membership.termEnd!).getTime() - Date.now()) / 86_400_000);
      if (daysLeft < 700) overlapping.push({ trial, daysLeft });
    }
    expect(overlapping).toEqual([]);
  });
});
