import type { CreateOrderResponse, OrderView, TierView } from '@member-commerce/shared';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import type { SignedNotification } from '../../src/wechat/dev/wechat-simulator';
import { CLUSTER_BOOT_MS, ClusterClient, everyProcess, startClusterClient } from '../support/cluster-client';

/**
 * Forged and replayed payment notifications against the real built server: every process verifies with the
 * same keys (kept in the database in dev mode, configured in live mode), so none of them can be fooled.
 */
describe('forged and replayed notifications', () => {
  let c: ClusterClient;
  let starting: Promise<ClusterClient>;

  // Booting the processes on the demo seed takes longer than one test on a loaded machine; a boot that outlasts
  // even this is still stopped afterwards, or its processes would keep the run from ending.
  beforeAll(async () => {
    starting = startClusterClient();
    c = await starting;
  }, CLUSTER_BOOT_MS);
  afterAll(async () => (await starting.catch(() => undefined))?.close());

  const unpaidOrder = async (name: string) => {
    const token = await c.login(name);
    const tier = (await c.api<TierView[]>('/api/tiers')).body[0];
    const { order } = (
      await c.api<CreateOrderResponse>('/api/orders/membership', { method: 'POST', token, body: { tierId: tier.id } })
    ).body;
    return { token, order };
  };
  const deliverToEveryProcess = (notification: SignedNotification) =>
    Promise.all(
      Array.from({ length: everyProcess(c.cluster) }, () =>
        c.api<{ code: string }>('/api/payments/wechat/notify', {
          method: 'POST',
          headers: notification.headers,
          rawBody: notification.body,
        }),
      ),
    );
  const statusOf = async (token: string, id: number) =>
    (await c.api<OrderView>(`/api/orders/${id}`, { token })).body.status;

  it('a notification whose body was altered after signing is refused by every process and pays nothing', async () => {
    const { token, order } = await unpaidOrder('forge-tamper');
    const genuine = (
      await c.api<SignedNotification>(`/api/dev/wechat/pay/${order.outTradeNo}/notification`, { method: 'POST' })
    ).body;
    const tampered = { ...genuine, body: genuine.body.replace('"id":"', '"id":"X') };

    const answers = await deliverToEveryProcess(tampered);

    expect(answers.map((a) => [a.status >= 400 && a.status < 500, a.body.code])).toEqual(
      answers.map(() => [true, 'FAIL']),
    );
    expect(await statusOf(token, order.id)).toBe('PENDING_PAYMENT');
  });

  it('a notification signed with another key under the right serial is refused by every process', async () => {
    const { token, order } = await unpaidOrder('forge-key');
    const impostor = new WechatSimulator();
    await impostor.createPrepay({
      appid: impostor.appId,
      mchid: impostor.mchId,
      description: order.outTradeNo,
      out_trade_no: order.outTradeNo,
      notify_url: 'http://x',
      amount: { total: order.totalFen },
      payer: { openid: 'o_impostor' },
    });
    await impostor.confirmPayment(order.outTradeNo);

    const answers = await deliverToEveryProcess(await impostor.buildTransactionNotification(order.outTradeNo));

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    expect(await statusOf(token, order.id)).toBe('PENDING_PAYMENT');
  });

  it('a genuine notification replayed later to every process changes nothing after the first settled it', async () => {
    const { token, order } = await unpaidOrder('forge-replay');
    const genuine = (
      await c.api<SignedNotification>(`/api/dev/wechat/pay/${order.outTradeNo}/notification`, { method: 'POST' })
    ).body;
    expect(
      (await c.api('/api/payments/wechat/notify', { method: 'POST', headers: genuine.headers, rawBody: genuine.body }))
        .status,
    ).toBe(204);
    const membershipBefore = (await c.api('/api/me/membership', { token })).body;

    const answers = await deliverToEveryProcess(genuine);

    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 204));
    expect(await statusOf(token, order.id)).toBe('PAID');
    expect((await c.api('/api/me/membership', { token })).body).toEqual(membershipBefore);
  });
});
