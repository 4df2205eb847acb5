import type {
  CreateOrderResponse,
  MyMembershipView,
  OrderView,
  Page,
  ProductView,
  TierView,
} from '@member-commerce/shared';
import { FakeWechatServer, startFakeWechatServer } from '../support/fake-wechat-server';
import { databaseUrl, ServerCluster, startServerCluster } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The real built server in its own process, WeChat faked over HTTP (live mode), killed with SIGKILL in the
 * middle of work and started again on the same database. With TEST_PROCESSES=2 two processes share the
 * database behind a round-robin proxy: one is killed, the other keeps serving, then the dead one restarts.
 */
describe('crash recovery (server killed mid-request)', () => {
  let wechat: FakeWechatServer;
  let database: TestDatabase;
  let server: ServerCluster;

  beforeAll(async () => {
    wechat = await startFakeWechatServer();
    database = await createTestDatabase();
    const live = wechat.liveConfig;
    server = await startServerCluster((base) => ({
      DATABASE_URL: databaseUrl(database.config),
      SEED_DEMO: '1',
      WECHAT_MODE: 'live',
      WECHAT_APPID: live.appId,
      WECHAT_SECRET: live.secret,
      WECHAT_API_BASE: live.apiBase,
      WECHAT_MCHID: live.mchId,
      WECHAT_PAY_SERIAL: live.paySerial,
      WECHAT_PAY_PRIVATE_KEY: live.payPrivateKey,
      WECHAT_PAY_APIV3_KEY: live.apiV3Key,
      WECHAT_PAY_PLATFORM_PUBLIC_KEY: live.platformPublicKey,
      WECHAT_PAY_PLATFORM_PUBLIC_KEY_ID: live.platformPublicKeyId,
      WECHAT_PAY_NOTIFY_URL: `${base}/api/payments/wechat/notify`,
      WECHAT_PAY_API_BASE: live.payApiBase,
    }));
  });

  afterEach(() => server.restartStopped());

  afterAll(async () => {
    await server?.close();
    await wechat?.close();
    await database?.drop();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const api = async <T>(
    path: string,
    init: { method?: string; body?: unknown; token?: string } = {},
  ): Promise<{ status: number; body: T }> => {
    const call = async () => {
      const res = await fetch(`${server.base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    };
    if ((init.method ?? 'GET') !== 'GET') return call();
    // A read right after a kill may still reach the dying process through the proxy (502): read again, as a client would.
    for (let attempt = 0; ; attempt++) {
      const res = await call().catch(() => ({ status: 0, body: undefined as T }));
      if ((res.status !== 502 && res.status !== 0) || attempt >= 20) return res;
      await pause(100);
    }
  };
  const login = async (name: string) =>
    (await api<{ token: string }>('/api/auth/wechat-login', { method: 'POST', body: { code: `dev:${name}` } })).body
      .token;
  /** With one process the API is back only once it restarts; with more, the others serve meanwhile. */
  const restartIfAlone = () => (server.size === 1 ? server.restart() : undefined);

  it('a paid membership is activated exactly once although the server died while notifications arrived', async () => {
    const token = await login('crash-alice');
    const tiers = (await api<TierView[]>('/api/tiers')).body;
    const created = (
      await api<CreateOrderResponse>('/api/orders/membership', {
        method: 'POST',
        token,
        body: { tierId: tiers[0].id, giftPackId: tiers[0].giftPacks[0].id },
      })
    ).body;
    await wechat.simulator.confirmPayment(created.order.outTradeNo);
    const notification = await wechat.simulator.buildTransactionNotification(created.order.outTradeNo);
    const deliver = () =>
      fetch(`${server.base}/api/payments/wechat/notify`, {
        method: 'POST',
        headers: { ...notification.headers, 'content-type': 'application/json' },
        body: notification.body,
      })
        .then((res) => res.status)
        .catch(() => 0);

    const inFlight = Array.from({ length: 15 }, deliver);
    await new Promise((resolve) => setImmediate(resolve));
    await server.kill();
    await Promise.all(inFlight);
    await restartIfAlone();

    // WeChat keeps retrying until it gets a 2xx; the client also asks the server to check with WeChat.
    let status = await deliver();
    for (let attempt = 0; status !== 204 && attempt < 20; attempt++) {
      await pause(100);
      status = await deliver();
    }
    expect(status).toBe(204);
    const synced = await api<OrderView>(`/api/orders/${created.order.id}/sync`, { method: 'POST', token });
    expect(synced).toMatchObject({ status: 200, body: { status: 'PAID' } });
    const membership = (await api<MyMembershipView>('/api/me/membership', { token })).body;
    expect(membership.status).toBe('ACTIVE');
    expect(membership.terms).toHaveLength(1);
    const gifts = (await api<{ orders: OrderView[] }>('/api/me/gift-packs', { token })).body;
    expect(gifts.orders).toHaveLength(1);
  });

  it('a payment whose notification was lost is found by asking WeChat after a restart', async () => {
    const token = await login('crash-bob');
    const tiers = (await api<TierView[]>('/api/tiers')).body;
    const created = (
      await api<CreateOrderResponse>('/api/orders/membership', { method: 'POST', token, body: { tierId: tiers[0].id } })
    ).body;
    await wechat.simulator.confirmPayment(created.order.outTradeNo);
    await server.restart();
    const synced = (await api<OrderView>(`/api/orders/${created.order.id}/sync`, { method: 'POST', token })).body;
    expect(synced.status).toBe('PAID');
    expect((await api<MyMembershipView>('/api/me/membership', { token })).body.status).toBe('ACTIVE');
  });

  it('stock is never lost or oversold when the server dies during a checkout burst', async () => {
    const token = await login('crash-carol');
    const address = (
      await api<{ id: number }>('/api/me/addresses', {
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
    ).body;
    const sku = (await api<Page<ProductView>>('/api/products?pageSize=100')).body.items
      .flatMap((p) => p.skus)
      .find((s) => s.code === 'NOODLE-2KG')!;
    const initial = sku.stock;
    const burst = Array.from({ length: 40 }, () =>
      api('/api/orders', {
        method: 'POST',
        token,
        body: { items: [{ skuId: sku.id, quantity: 2 }], addressId: address.id },
      }).catch(() => ({ status: 0 })),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.kill();
    await Promise.all(burst);
    await restartIfAlone();

    const orders = (await api<{ items: OrderView[] }>('/api/orders?pageSize=100', { token })).body.items;
    const reserved = orders
      .filter((order) => order.status === 'PENDING_PAYMENT' || order.status === 'PAID')
      .flatMap((order) => order.lines)
      .filter((line) => line.skuId === sku.id)
      .reduce((sum, line) => sum + line.quantity, 0);
    const stock = (await api<Page<ProductView>>('/api/products?pageSize=100')).body.items
      .flatMap((p) => p.skus)
      .find((s) => s.id === sku.id)!.stock;
    expect(stock + reserved).toBe(initial);
  });
});
