import { createHmac } from 'node:crypto';
import type { CreateOrderResponse, TierView } from '@member-commerce/shared';
import { CLUSTER_BOOT_MS, ClusterClient, everyProcess, startClusterClient } from '../support/cluster-client';

/**
 * Access rules hold on every process: sessions are signed tokens (one shared secret), so a token issued by
 * one process is honoured, and refused, alike by all of them.
 */
describe('authorisation on every process', () => {
  let c: ClusterClient;
  let starting: Promise<ClusterClient>;

  // Booting the processes on the demo seed takes longer than one test on a loaded machine; a boot that outlasts
  // even this is still stopped afterwards, or its processes would keep the run from ending.
  beforeAll(async () => {
    starting = startClusterClient();
    c = await starting;
  }, CLUSTER_BOOT_MS);
  afterAll(async () => (await starting.catch(() => undefined))?.close());

  const onEveryProcess = async (request: () => Promise<{ status: number; body: unknown }>) => {
    const answers = await Promise.all(Array.from({ length: everyProcess(c.cluster) }, request));
    return answers.map((a) => a.status);
  };

  it("another customer's order is 404 to a customer, whichever process answers", async () => {
    const owner = await c.login('authz-owner');
    const tier = (await c.api<TierView[]>('/api/tiers')).body[0];
    const { order } = (
      await c.api<CreateOrderResponse>('/api/orders/membership', {
        method: 'POST',
        token: owner,
        body: { tierId: tier.id },
      })
    ).body;
    const stranger = await c.login('authz-stranger');

    expect(await onEveryProcess(() => c.api(`/api/orders/${order.id}`, { token: stranger }))).toEqual(
      Array(everyProcess(c.cluster)).fill(404),
    );
    expect(await onEveryProcess(() => c.api(`/api/orders/${order.id}`, { token: owner }))).toEqual(
      Array(everyProcess(c.cluster)).fill(200),
    );
  });

  it('a customer token on a staff route is 403, and no token is 401, on every process', async () => {
    const customer = await c.login('authz-customer');
    const n = everyProcess(c.cluster);
    expect(await onEveryProcess(() => c.api('/api/admin/orders', { token: customer }))).toEqual(Array(n).fill(403));
    expect(await onEveryProcess(() => c.api('/api/admin/staff', { token: customer }))).toEqual(Array(n).fill(403));
    expect(await onEveryProcess(() => c.api('/api/admin/orders'))).toEqual(Array(n).fill(401));
  });

  it('a staff role is held to its routes on every process: operator may not manage staff', async () => {
    const operator = await c.staff('operator');
    expect(await onEveryProcess(() => c.api('/api/admin/staff', { token: operator }))).toEqual(
      Array(everyProcess(c.cluster)).fill(403),
    );
    expect(await onEveryProcess(() => c.api('/api/admin/tiers', { token: operator }))).toEqual(
      Array(everyProcess(c.cluster)).fill(200),
    );
  });

  it('a token signed with another secret is refused on every process', async () => {
    const genuine = await c.login('authz-forger');
    const [header, payload] = genuine.split('.');
    const forged = `${header}.${payload}.${createHmac('sha256', 'not-the-secret-0123456789').update(`${header}.${payload}`).digest('base64url')}`;
    expect(await onEveryProcess(() => c.api('/api/me/membership', { token: forged }))).toEqual(
      Array(everyProcess(c.cluster)).fill(401),
    );
  });
});
