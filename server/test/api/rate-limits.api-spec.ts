import { Transactions } from '../../src/database/transactions';
import { DatabaseRateLimitStore } from '../../src/common/rate-limit/database-rate-limit-store';
import { startTestApp, TestApp } from '../support/test-app';

/** Low limits so each rule shows within a few requests; counted in the database (SQLite or MariaDB). */
describe('rate limits on login, refunds and other guessable routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_WINDOW_SECONDS: '60',
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '3',
        RATE_LIMIT_LOGIN_PER_IP: '8',
        RATE_LIMIT_CUSTOMER_LOGIN_FAILURES_PER_IP: '4',
        TRUST_PROXY: 'true',
        RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '2',
        RATE_LIMIT_SENSITIVE_PER_IP: '1000',
      },
    });
  });
  afterAll(() => t.close());

  let admin: { Authorization: string };
  const passwords: Record<string, string> = {};
  beforeAll(async () => {
    admin = await t.staff('admin'); // 1 of the address's 8 staff logins
    // The admin makes the other accounts (no login of theirs is spent).
    for (const role of ['finance', 'support', 'operator'] as const)
      passwords[role] = (await t.staffCredentials(role)).password;
  });

  const staffLogin = (username: string, password: string) =>
    t.http.post('/api/admin/auth/login').send({ username, password });

  const expectTooMany = (res: { status: number; body: unknown; headers: Record<string, string> }) => {
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: expect.any(String) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it('wrong staff passwords: past the per-account limit the account answers 429 with Retry-After, even to the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await staffLogin('finance', `guess-${i}`)).status).toBe(401);
    expectTooMany(await staffLogin('finance', 'guess-4'));
    expectTooMany(await staffLogin('finance', passwords.finance));
  });

  it('other accounts are not locked by one account being hammered, until the address itself is over its limit', async () => {
    // The address has spent 4 of its 8 staff logins: admin, and 3 on finance (a request the account limit
    // already refused is not counted again against the address).
    expect((await staffLogin('support', passwords.support)).status).toBe(200);
    for (let i = 1; i <= 3; i++) expect((await staffLogin(`nobody-${i}`, 'x')).status).toBe(401);
    expectTooMany(await staffLogin('operator', passwords.operator));
  });

  it('concurrent attempts on one key are counted exactly (one atomic upsert each)', async () => {
    const store = new DatabaseRateLimitStore(t.app.get(Transactions));
    const results = await Promise.all(Array.from({ length: 8 }, () => store.increment('race-account', 60_000, 3)));
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results.filter((r) => r.isBlocked)).toHaveLength(5);
  });

  it('a burst of real concurrent requests from one address gets exactly its limit through, 20 times over', async () => {
    // The simulator's confirm route is rate limited as 'sensitive' (2 per caller here); an unknown order is a 4xx after it.
    for (let trial = 0; trial < 20; trial++) {
      const ip = `198.51.100.${trial + 1}`;
      const burst = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.http.post(`/api/dev/wechat/pay/MC-BURST-${trial}/confirm`).set('x-forwarded-for', ip),
        ),
      );
      const statuses = burst.map((res) => res.status);
      expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    }
  });

  const customerLogin = (code: unknown, ip: string) =>
    t.http.post('/api/auth/wechat-login').set('x-forwarded-for', ip).send({ code });

  it('customer WeChat logins: many real customers behind one carrier-NAT address all get in', async () => {
    for (let i = 0; i < 30; i++) expect((await customerLogin(`dev:nat-customer-${i}`, '100.64.0.1')).status).toBe(200);
    // The same customer signing in again and again is not an attack either.
    for (let i = 0; i < 12; i++) expect((await customerLogin('dev:nat-customer-0', '100.64.0.1')).status).toBe(200);
  });

  it('failed WeChat codes are throttled per address; other addresses and real logins elsewhere are not', async () => {
    for (let i = 0; i < 4; i++) expect((await customerLogin(`stolen-or-guessed-${i}`, '100.64.0.2')).status).toBe(401);
    expectTooMany(await customerLogin('guess-5', '100.64.0.2'));
    expectTooMany(await customerLogin('dev:after-the-flood', '100.64.0.2'));
    expect((await customerLogin('dev:next-door', '100.64.0.3')).status).toBe(200);
  });

  it('malformed login bodies count as failures too', async () => {
    for (let i = 0; i < 4; i++) expect((await customerLogin({ nested: i }, '100.64.0.4')).status).toBe(400);
    expectTooMany(await customerLogin('dev:late', '100.64.0.4'));
  });

  it('refunds are limited per staff account', async () => {
    for (let i = 0; i < 2; i++)
      expect((await t.http.post('/api/admin/orders/999999/refunds').set(admin).send({ reason: 'test' })).status).toBe(
        404,
      );
    expectTooMany(await t.http.post('/api/admin/orders/999999/refunds').set(admin).send({ reason: 'test' }));
  });

  it('a window ends: the count starts again after it', async () => {
    let now = 1_000_000;
    const store = new DatabaseRateLimitStore(t.app.get(Transactions), () => now);
    expect(await store.increment('window-test', 1000, 2)).toMatchObject({ totalHits: 1, isBlocked: false });
    await store.increment('window-test', 1000, 2);
    expect(await store.increment('window-test', 1000, 2)).toMatchObject({
      totalHits: 3,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    now += 1000;
    expect(await store.increment('window-test', 1000, 2)).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
