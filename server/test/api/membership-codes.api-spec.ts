import type {
  AuditLogView,
  CodeBatchCreated,
  CodeBatchView,
  MembershipResponse,
  MyGiftPacksView,
  MyMembershipView,
  Page,
} from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const DAY = 24 * 3600 * 1000;
/** Booting and seeding a database takes long on a loaded machine. */
const BOOT_TIMEOUT = 180_000;
const CODE_SHAPE = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}){3}$/;

/** Issue #19: membership codes (兑换码) staff make in batches and customers redeem once, ever. */
describe('membership codes', () => {
  let t: TestApp;
  /** A tier of our own: 12 months, one welcome pack option. */
  let tierId: number;
  let otherTierId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.staff('admin');
    const f = shopFixtures(t);
    const packItem = await f.product('MC-PACK-ITEM', 5_000);
    const packs = [{ id: await f.giftPack('MC 开卡礼包', [{ skuId: packItem.skuId, quantity: 1 }], 5_000) }];
    const tier = async (code: string, termMonths: number) => {
      const created = await t.http
        .post('/api/admin/tiers')
        .set(admin)
        .send({ code, name: `${code} 卡`, priceFen: 60_000, termMonths, giftPackIds: [packs[0].id] })
        .expect(201);
      await t.http.patch(`/api/admin/tiers/${created.body.id}`).set(admin).send({ status: 'ACTIVE' }).expect(200);
      return created.body.id as number;
    };
    tierId = await tier('MC-YEAR', 12);
    otherTierId = await tier('MC-QUARTER', 3);
  }, BOOT_TIMEOUT);
  afterAll(() => t?.close());

  const inAYear = () => new Date(t.clock.now().getTime() + 365 * DAY).toISOString();
  const createBatch = async (count: number, overrides: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/admin/membership-codes/batches')
        .set(await t.staff('operator'))
        .send({ tierId, count, validUntil: inAYear(), note: '测试渠道', ...overrides })
        .expect(201)
    ).body as CodeBatchCreated;
  const exportCodes = async (batchId: number) => {
    const res = await t.http
      .get(`/api/admin/membership-codes/batches/${batchId}/export`)
      .set(await t.staff('operator'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (chunk: Buffer) => chunks.push(chunk));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return { res, body: res.body as Buffer };
  };
  const codesOf = async (batchId: number) => {
    const text = (await exportCodes(batchId)).body.toString('utf8').replace(/^\uFEFF/, '');
    return text
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0]);
  };
  const redeem = async (name: string, code: string) =>
    t.http
      .post('/api/me/membership-codes/redeem')
      .set(await t.customer(name))
      .send({ code });
  const redeemAs = async (status: number, name: string, code: string) => {
    const res = await redeem(name, code);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res;
  };
  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;

  it('operators create a batch; support and finance may not', async () => {
    const batch = await createBatch(3);
    expect(batch).toEqual({ id: expect.any(Number), tierId, count: 3, validUntil: expect.any(String) });
    for (const role of ['support', 'finance'] as const) {
      const res = await t.http
        .post('/api/admin/membership-codes/batches')
        .set(await t.staff(role))
        .send({ tierId, count: 1, validUntil: inAYear() })
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('a batch must be for a real tier, of 1..10000 codes, valid until a future time', async () => {
    const operator = await t.staff('operator');
    const post = (body: Record<string, unknown>) =>
      t.http.post('/api/admin/membership-codes/batches').set(operator).send(body);
    expect((await post({ tierId: 999_999, count: 1, validUntil: inAYear() }).expect(404)).body.code).toBe(
      'TIER_NOT_FOUND',
    );
    expect((await post({ tierId, count: 0, validUntil: inAYear() }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await post({ tierId, count: 10_001, validUntil: inAYear() }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await post({ tierId, count: 1, validUntil: new Date(t.clock.now().getTime() - DAY).toISOString() }).expect(400))
        .body.code,
    ).toBe('VALIDATION_FAILED');
    expect((await post({ tierId, count: 1, validUntil: 'tomorrow' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('the export is a CSV with BOM, a header and one unguessable, grouped code per row; the download is audited', async () => {
    const batch = await createBatch(25);
    const { res, body } = await exportCodes(batch.id);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',')[0]).toBe('兑换码');
    const codes = lines.slice(1).map((line) => line.split(',')[0]);
    expect(codes).toHaveLength(25);
    expect(new Set(codes).size).toBe(25);
    for (const code of codes) expect(code).toMatch(CODE_SHAPE);
    const log = (
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    expect(log.items.find((row) => row.action === 'membership_codes.export')).toMatchObject({
      staffUsername: 'operator',
      entityId: String(batch.id),
    });
  });

  it('redeeming a code starts a term of its tier now and offers the tier welcome gift', async () => {
    const [code] = await codesOf((await createBatch(1)).id);
    const res = await redeemAs(201, 'mc-ann', code.toLowerCase().replace(/-/g, ' '));
    const { membership } = res.body as MembershipResponse;
    expect(membership).toMatchObject({ status: 'ACTIVE', tier: { id: tierId } });
    expect(membership.terms).toEqual([expect.objectContaining({ source: 'CODE', start: t.clock.now().toISOString() })]);
    expect(await me('mc-ann')).toMatchObject({ status: 'ACTIVE', tier: { id: tierId } });
    const gifts = (
      await t.http
        .get('/api/me/gift-packs')
        .set(await t.customer('mc-ann'))
        .expect(200)
    ).body as MyGiftPacksView;
    expect(gifts.welcome).toMatchObject({ status: 'CLAIMABLE' });
  });

  it('a code redeemed during a term of the same tier starts where that term ends, like a renewal', async () => {
    const [first, second] = await codesOf((await createBatch(2)).id);
    await redeemAs(201, 'mc-ben', first);
    const before = await me('mc-ben');
    const { membership } = (await redeemAs(201, 'mc-ben', second)).body as MembershipResponse;
    expect(membership.terms).toHaveLength(2);
    expect(membership.terms[1].start).toBe(before.termEnd);
  });

  it('a used code answers 409 CODE_ALREADY_REDEEMED; unknown, void and expired codes 404 CODE_NOT_FOUND', async () => {
    const batch = await createBatch(3, { validUntil: new Date(t.clock.now().getTime() + 2 * DAY).toISOString() });
    const [used, voided, expiring] = await codesOf(batch.id);
    await redeemAs(201, 'mc-cat', used);
    expect((await redeemAs(409, 'mc-dan', used)).body.code).toBe('CODE_ALREADY_REDEEMED');
    expect((await redeemAs(409, 'mc-cat', used)).body.code).toBe('CODE_ALREADY_REDEEMED');
    expect((await redeemAs(404, 'mc-dan', 'ABCD-EFGH-JKLM-NPQR')).body.code).toBe('CODE_NOT_FOUND');
    expect((await redeemAs(404, 'mc-dan', 'not a code')).body.code).toBe('CODE_NOT_FOUND');
    await t.http
      .post('/api/admin/membership-codes/void')
      .set(await t.staff('operator'))
      .send({ code: voided, reason: '渠道取消' })
      .expect(201);
    expect((await redeemAs(404, 'mc-dan', voided)).body.code).toBe('CODE_NOT_FOUND');
    t.clock.advance(3 * DAY);
    expect((await redeemAs(404, 'mc-dan', expiring)).body.code).toBe('CODE_NOT_FOUND');
    expect((await me('mc-dan')).status).toBe('NONE');
  });

  it('voiding a batch voids its unredeemed codes and keeps the redeemed ones; the list counts them', async () => {
    const batch = await createBatch(3);
    const [kept, ...rest] = await codesOf(batch.id);
    await redeemAs(201, 'mc-eve', kept);
    const operator = await t.staff('operator');
    const view = (
      await t.http
        .post(`/api/admin/membership-codes/batches/${batch.id}/void`)
        .set(operator)
        .send({ reason: '活动结束' })
        .expect(201)
    ).body as CodeBatchView;
    expect(view).toMatchObject({ id: batch.id, redeemed: 1, voided: 2, open: 0, voidedAt: expect.any(String) });
    for (const code of rest) expect((await redeemAs(404, 'mc-fay', code)).body.code).toBe('CODE_NOT_FOUND');
    expect((await me('mc-eve')).status).toBe('ACTIVE');
    const list = (await t.http.get('/api/admin/membership-codes/batches').set(operator).expect(200))
      .body as CodeBatchView[];
    expect(list.find((row) => row.id === batch.id)).toMatchObject({
      tierName: 'MC-YEAR 卡',
      redeemed: 1,
      voided: 2,
      note: '测试渠道',
      createdBy: 'operator',
    });
  });

  it('a code of another tier redeemed during a term starts now and carries the current term over', async () => {
    const [year] = await codesOf((await createBatch(1)).id);
    const [quarter] = await codesOf((await createBatch(1, { tierId: otherTierId })).id);
    await redeemAs(201, 'mc-gus', year);
    const { membership } = (await redeemAs(201, 'mc-gus', quarter)).body as MembershipResponse;
    expect(membership.tier?.id).toBe(otherTierId);
    // The year term was cut at this very instant (the clock stands still), so only its carried-over rest shows.
    expect(membership.terms.map((term) => [term.source, term.tier.id])).toEqual([
      ['CODE', otherTierId],
      ['CARRY_OVER', tierId],
    ]);
  });

  it(
    'one code, many customers redeeming at once: exactly one gets the term (20 trials)',
    async () => {
      const batch = await createBatch(20);
      const codes = await codesOf(batch.id);
      for (let trial = 0; trial < codes.length; trial++) {
        const names = Array.from({ length: 5 }, (_, i) => `mc-race-${trial}-${i}`);
        for (const name of names) await t.customer(name);
        const answers = await Promise.all(names.map(async (name) => (await redeem(name, codes[trial])).status));
        expect(answers.filter((status) => status === 201)).toHaveLength(1);
        expect(answers.filter((status) => status === 409)).toHaveLength(4);
        const holders = await Promise.all(names.map(async (name) => (await me(name)).status));
        expect(holders.filter((status) => status === 'ACTIVE')).toHaveLength(1);
      }
    },
    BOOT_TIMEOUT,
  );
});

describe('membership code redemption is throttled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_REDEEM_PER_ACCOUNT: '3', RATE_LIMIT_REDEEM_PER_IP: '5' } });
  }, BOOT_TIMEOUT);
  afterAll(() => t?.close());

  it('per customer, then per address: guessing codes meets 429 TOO_MANY_REQUESTS', async () => {
    const guess = async (name: string) =>
      t.http
        .post('/api/me/membership-codes/redeem')
        .set(await t.customer(name))
        .send({ code: 'ABCD-EFGH-JKLM-NPQR' });
    for (let i = 0; i < 3; i++) expect((await guess('mc-guesser')).status).toBe(404);
    const limited = await guess('mc-guesser');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another account from the same address: two more, then the address is spent too.
    expect((await guess('mc-helper')).status).toBe(404);
    expect((await guess('mc-helper')).status).toBe(404);
    expect((await guess('mc-helper')).status).toBe(429);
  });
});
