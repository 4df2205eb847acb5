import { DataSource } from 'typeorm';
import {
  DAY_MS,
  type AdminAutoRenewContract,
  type MyAutoRenewView,
  type MyMembershipView,
  type OrderView,
  type Page,
  type StartAutoRenewResponse,
  type TierView,
} from '@member-commerce/shared';
import { LedgerEntry } from '../../src/finance/ledger-entry.entity';
import { PapaySimulator } from '../../src/wechat/dev/papay-simulator';
import { papayContractCodePrefix } from '../../src/wechat/papay/papay-wire';
import { AutoRenewFixtures } from '../support/auto-renew-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** 10:00 Beijing time on a day in WeChat's charging hours. */
const TERM_END = new Date('2031-03-10T02:00:00Z');
const at = (days: number, hours = 0) => new Date(TERM_END.getTime() + days * DAY_MS + hours * 3_600_000);

describe('auto-renew (WeChat 委托代扣, dev simulator)', () => {
  let t: TestApp;
  let fx: AutoRenewFixtures;
  let tierId: number;
  const PRICE = 3_000;
  const AUTO_PRICE = 2_500;

  beforeAll(async () => {
    t = await startTestApp({ now: at(-20), env: { AUTO_RENEW_GRACE_DAYS: '3' } });
    fx = new AutoRenewFixtures(t);
    tierId = (await fx.monthlyTier('AR_MONTH', PRICE, AUTO_PRICE)).id;
  }, 180_000);
  afterAll(() => t.close());

  const me = async (token: { Authorization: string }) =>
    (await t.http.get('/api/me/auto-renew').set(token).expect(200)).body as MyAutoRenewView;
  const membership = async (token: { Authorization: string }) =>
    (await t.http.get('/api/me/membership').set(token).expect(200)).body as MyMembershipView;
  const orders = async (token: { Authorization: string }) =>
    ((await t.http.get('/api/orders').set(token).expect(200)).body as Page<OrderView>).items;
  const notices = async (contractId: number) =>
    (await t.http.get(`/api/dev/wechat/papay/${contractId}/notices`).expect(200)).body as { amountFen: number }[];

  it('a tier lists its auto-renew price, and null when it offers none', async () => {
    const plain = await fx.monthlyTier('AR_PLAIN', PRICE, null);
    const tiers = (await t.http.get('/api/tiers').expect(200)).body as TierView[];
    expect(tiers.find((tier) => tier.id === tierId)?.autoRenewPriceFen).toBe(AUTO_PRICE);
    expect(tiers.find((tier) => tier.id === plain.id)?.autoRenewPriceFen).toBeNull();
    const member = await fx.memberEndingAt('ar-plain', plain.id, TERM_END);
    const refused = await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId: plain.id }).expect(400);
    expect(refused.body.code).toBe('AUTO_RENEW_NOT_OFFERED');
  });

  it('opting in gives WeChat signing parameters; signing in WeChat makes the contract ACTIVE with the next charge the day before the term ends', async () => {
    t.clock.set(at(-20));
    const member = await fx.memberEndingAt('ar-sign', tierId, TERM_END);
    expect(await me(member.token)).toEqual({ status: 'NONE' });
    const started = (await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    expect(started.contract.status).toBe('PENDING_SIGN');
    expect(started.signParams).toEqual({
      appId: 'wxbd687630cd02ce1d',
      path: 'pages/index/index',
      extraData: { pre_entrustweb_id: expect.any(String) },
    });
    expect((await me(member.token)).status).toBe('PENDING_SIGN');

    expect((await t.http.post(`/api/dev/wechat/papay/${started.contract.id}/sign`).expect(200)).body).toEqual({
      notifyStatus: 204,
    });
    expect(await me(member.token)).toEqual({
      status: 'ACTIVE',
      tierId,
      amountFen: AUTO_PRICE,
      nextChargeAt: at(-1).toISOString(),
    });
    // A replayed notification changes nothing; a second opt-in while active is refused.
    expect((await t.http.post(`/api/dev/wechat/papay/${started.contract.id}/sign`).expect(200)).body).toEqual({
      notifyStatus: 204,
    });
    expect((await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(409)).body.code).toBe(
      'AUTO_RENEW_ALREADY_ACTIVE',
    );
  });

  it('the pre-deduction notice goes out once, at least 5 days before the charge, with the amount and the charge date', async () => {
    const member = await fx.memberEndingAt('ar-notice', tierId, TERM_END);
    const contractId = await fx.signedContract(member, tierId);
    expect((await fx.pass(at(-8))).notified).toBe(0);
    await fx.pass(at(-7));
    await fx.pass(at(-7, 1));
    expect(await notices(contractId)).toEqual([expect.objectContaining({ amountFen: AUTO_PRICE })]);
    const view = await me(member.token);
    expect(view.notice).toEqual({
      amountFen: AUTO_PRICE,
      chargeAt: at(-1).toISOString(),
      sentAt: at(-7).toISOString(),
    });
    expect(new Date(view.notice!.chargeAt).getTime() - new Date(view.notice!.sentAt).getTime()).toBeGreaterThanOrEqual(
      5 * DAY_MS,
    );
  });

  it('a charge renews exactly once through a paid MEMBERSHIP order at the notified amount (term, ledger)', async () => {
    const member = await fx.memberEndingAt('ar-charge', tierId, TERM_END);
    await fx.signedContract(member, tierId);
    await fx.pass(at(-7));
    const before = await membership(member.token);
    expect(before.termEnd).toBe(TERM_END.toISOString());

    const night = await fx.pass(at(-1, 13)); // 23:00 Beijing: outside WeChat's hours
    expect(night.charged).toBe(0);
    // Other members' notified cycles are charged in the same passes: this member's orders tell.
    expect((await fx.pass(at(-1))).charged).toBeGreaterThanOrEqual(1);
    expect((await fx.pass(at(-1, 1))).charged).toBe(0);

    const after = await membership(member.token);
    expect(after.termEnd).toBe(at(30).toISOString());
    const renewals = (await orders(member.token)).filter((order) => order.kind === 'MEMBERSHIP');
    expect(renewals).toEqual([expect.objectContaining({ status: 'PAID', totalFen: AUTO_PRICE })]);
    const ledger = await t.app.get(DataSource).manager.findBy(LedgerEntry, { orderId: renewals[0].id });
    expect(ledger.map((entry) => entry.amountFen)).toEqual([AUTO_PRICE]);
    expect((await me(member.token)).nextChargeAt).toBe(at(29).toISOString());

    // The charge is a membership fee like any other: a full refund removes the term it paid for.
    const refund = (
      await t.http
        .post(`/api/admin/orders/${renewals[0].id}/refunds`)
        .set(await t.staff('admin'))
        .send({ reason: '自动续费退款' })
        .expect(201)
    ).body as { outRefundNo: string; amountFen: number };
    expect(refund.amountFen).toBe(AUTO_PRICE);
    expect((await t.http.post(`/api/dev/wechat/refund/${refund.outRefundNo}/complete`).expect(201)).body).toEqual({
      notifyStatus: 204,
    });
    expect((await membership(member.token)).termEnd).toBe(TERM_END.toISOString());
  });

  it('a contract signed in WeChat after it was cancelled here is ended at WeChat too', async () => {
    const member = await fx.memberEndingAt('ar-late-sign', tierId, TERM_END);
    const started = (await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    await t.http.delete('/api/me/auto-renew').set(member.token).expect(204);
    expect((await t.http.post(`/api/dev/wechat/papay/${started.contract.id}/sign`).expect(200)).body).toEqual({
      notifyStatus: 204,
    });
    expect((await me(member.token)).status).toBe('CANCELLED');
    expect(
      (await t.app.get(PapaySimulator).findByCodePrefix(papayContractCodePrefix(started.contract.id)))?.state,
    ).toBe('TERMINATED');
  });

  it('a failing charge is retried, then grace keeps member prices (宽限期), then the term lapses and the contract ends', async () => {
    const member = await fx.memberEndingAt('ar-fail', tierId, TERM_END);
    const contractId = await fx.signedContract(member, tierId);
    await t.http.post(`/api/dev/wechat/papay/${contractId}/balance`).send({ insufficient: true }).expect(200);
    await fx.pass(at(-7));
    expect((await fx.pass(at(-1))).failed).toBe(1);
    expect((await me(member.token)).nextChargeAt).toBe(at(-1, 6).toISOString());
    expect((await fx.pass(at(-1, 6))).failed).toBe(1);
    expect((await fx.pass(at(-1, 12))).failed).toBe(0); // 22:00 Beijing: the retry waits for 07:00
    expect((await fx.pass(at(-1, 21))).failed).toBe(1); // 07:00: third and last attempt

    t.clock.set(at(1));
    const grace = await me(member.token);
    expect(grace.graceUntil).toBe(at(3).toISOString());
    expect((await membership(member.token)).status).toBe('ACTIVE');
    expect(
      (await orders(member.token)).filter((o) => o.kind === 'MEMBERSHIP').every((o) => o.status === 'CLOSED'),
    ).toBe(true);

    await fx.pass(at(3));
    expect((await membership(member.token)).status).toBe('EXPIRED');
    expect(await me(member.token)).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelledBy: 'LAPSED' }));
    const wechat = await t.app.get(PapaySimulator).findByCodePrefix(papayContractCodePrefix(contractId));
    expect(wechat?.state).toBe('TERMINATED');
  });

  it('cancelling on the membership page ends the contract at WeChat and here; nothing is notified or charged after', async () => {
    const member = await fx.memberEndingAt('ar-cancel', tierId, TERM_END);
    const contractId = await fx.signedContract(member, tierId);
    await t.http.delete('/api/me/auto-renew').set(member.token).expect(204);
    expect(await me(member.token)).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelledBy: 'CUSTOMER' }));
    expect((await t.app.get(PapaySimulator).findByCodePrefix(papayContractCodePrefix(contractId)))?.state).toBe(
      'TERMINATED',
    );
    await fx.pass(at(-7));
    await fx.pass(at(-1));
    expect(await notices(contractId)).toEqual([]);
    expect((await membership(member.token)).termEnd).toBe(TERM_END.toISOString());
    expect((await t.http.delete('/api/me/auto-renew').set(member.token).expect(404)).body.code).toBe(
      'AUTO_RENEW_NOT_FOUND',
    );
  });

  it('ending the contract in WeChat is reflected at once, and the notified charge does not run', async () => {
    const member = await fx.memberEndingAt('ar-wechat-off', tierId, TERM_END);
    const contractId = await fx.signedContract(member, tierId);
    await fx.pass(at(-7));
    expect((await t.http.post(`/api/dev/wechat/papay/${contractId}/terminate`).expect(200)).body).toEqual({
      notifyStatus: 204,
    });
    expect(await me(member.token)).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelledBy: 'WECHAT' }));
    expect((await fx.pass(at(-1))).charged).toBe(0);
    expect((await orders(member.token)).filter((o) => o.kind === 'MEMBERSHIP')).toEqual([]);
  });

  it('a contract notification that is not signed by WeChat is refused', async () => {
    const res = await t.http
      .post('/api/auto-renew/wechat/notify')
      .set({
        'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)),
        'wechatpay-nonce': 'x',
        'wechatpay-signature': 'forged',
        'wechatpay-serial': 'PUB_KEY_ID_x',
        'content-type': 'application/json',
      })
      .send('{"id":"1","event_type":"PAPAY.SIGN","resource":{}}');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('FAIL');
  });

  it('only an admin runs the pass; staff see the contracts with the next charge', async () => {
    await t.http
      .post('/api/admin/auto-renew/run')
      .set(await t.staff('operator'))
      .send({})
      .expect(403);
    const list = (
      await t.http
        .get('/api/admin/auto-renew/contracts')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as { status: string; failedCharges: number; cancelledBy: string | null }[];
    expect(list.some((c) => c.status === 'ACTIVE')).toBe(true);
    expect(list.some((c) => c.cancelledBy === 'LAPSED' && c.failedCharges === 3)).toBe(true);
  });

  it('staff read why the last charge failed in Chinese, with the raw reason WeChat gave kept as the code', async () => {
    const list = (
      await t.http
        .get('/api/admin/auto-renew/contracts')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as AdminAutoRenewContract[];
    const lapsed = list.find((c) => c.cancelledBy === 'LAPSED' && c.failedCharges === 3)!;
    expect(lapsed.lastError?.code).toMatch(/^PAYERROR/);
    expect(lapsed.lastError?.text).toBe('微信支付扣款失败');
    expect(list.filter((c) => c.lastError).every((c) => /^[^A-Za-z]+$/.test(c.lastError!.text))).toBe(true);
  });
});
