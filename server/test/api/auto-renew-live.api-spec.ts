import {
  DAY_MS,
  type AutoRenewRunResult,
  type MyAutoRenewView,
  type MyMembershipView,
  type OrderView,
  type Page,
  type StartAutoRenewResponse,
} from '@member-commerce/shared';
import { SIMULATED_PAPAY_PLAN_ID } from '../../src/wechat/dev/papay-simulator';
import { papayContractCodePrefix } from '../../src/wechat/papay/papay-wire';
import { AutoRenewFixtures } from '../support/auto-renew-fixtures';
import { FakeWechatServer, startFakeWechatServer } from '../support/fake-wechat-server';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const TERM_END = new Date('2031-03-10T02:00:00Z');
const at = (days: number, hours = 0) => new Date(TERM_END.getTime() + days * DAY_MS + hours * 3_600_000);

describe('auto-renew over live WeChat Pay papay (fake WeChat server)', () => {
  let t: TestApp;
  let fake: FakeWechatServer;
  let fx: AutoRenewFixtures;
  let tierId: number;
  const AUTO_PRICE = 2_800;

  beforeAll(async () => {
    fake = await startFakeWechatServer();
    t = await startTestApp({
      now: at(-20),
      configure: (config) => {
        config.wechat.mode = 'live';
        config.wechat.live = {
          ...fake.liveConfig,
          notifyUrl: 'http://127.0.0.1:9/api/payments/wechat/notify',
          papayPlanId: SIMULATED_PAPAY_PLAN_ID,
        };
      },
    });
    // The gateway holds this object: point WeChat's notifications at the port the app got.
    t.config.wechat.live!.notifyUrl = `${t.config.publicUrl}/api/payments/wechat/notify`;
    fx = new AutoRenewFixtures(t);
    tierId = (await fx.monthlyTier('AR_LIVE', 3_000, AUTO_PRICE)).id;
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const me = async (token: { Authorization: string }) =>
    (await t.http.get('/api/me/auto-renew').set(token).expect(200)).body as MyAutoRenewView;
  const run = async (when: Date) => {
    t.clock.set(when);
    return (
      await t.http
        .post('/api/admin/auto-renew/run')
        .set(await t.staff('admin'))
        .send({})
        .expect(200)
    ).body as AutoRenewRunResult;
  };
  const papayBodies = (path: string) =>
    fake.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body ?? '{}') as Record<string, unknown>);
  const signInWechat = async (contractId: number) => {
    const contract = await fake.papay.findByCodePrefix(papayContractCodePrefix(contractId));
    const { notification, notifyUrl } = await fake.papay.sign(contract!.outContractCode);
    expect(notifyUrl).toBe(`${t.config.publicUrl}/api/auto-renew/wechat/notify`);
    return fake.simulator.deliverNotification(notifyUrl, notification);
  };

  it("pre-signs with POST /v3/papay/sign/contracts/pre-entrust-sign/mini-program and opens WeChat's signing mini-program with its id", async () => {
    const member = await fx.memberEndingAt('live-sign', tierId, TERM_END);
    const started = (await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    const contract = await fake.papay.findByCodePrefix(papayContractCodePrefix(started.contract.id));
    expect(started.signParams).toEqual({
      appId: 'wxbd687630cd02ce1d',
      path: 'pages/index/index',
      extraData: { pre_entrustweb_id: contract!.preEntrustwebId },
    });
    expect(papayBodies('/v3/papay/sign/contracts/pre-entrust-sign/mini-program').at(-1)).toEqual({
      appid: fake.liveConfig.appId,
      openid: member.openid,
      plan_id: SIMULATED_PAPAY_PLAN_ID,
      out_contract_code: contract!.outContractCode,
      contract_display_account: expect.any(String),
      contract_notify_url: `${t.config.publicUrl}/api/auto-renew/wechat/notify`,
    });
    expect(await signInWechat(started.contract.id)).toBe(204);
    expect((await me(member.token)).status).toBe('ACTIVE');
  });

  it("sends 预扣费通知 and 申请扣款 in WeChat's wire format; the charge settles as a paid renewal, and its notification is a replay", async () => {
    const member = await fx.memberEndingAt('live-charge', tierId, TERM_END);
    const started = (await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    await signInWechat(started.contract.id);
    const wechatId = (await fake.papay.findByCodePrefix(papayContractCodePrefix(started.contract.id)))!.contractId!;

    expect((await run(at(-7))).notified).toBeGreaterThanOrEqual(1);
    expect(papayBodies(`/v3/papay/contracts/${wechatId}/notify`)).toEqual([
      {
        mchid: fake.liveConfig.mchId,
        appid: fake.liveConfig.appId,
        deduct_duration: { count: 7, unit: 'DAY' },
        estimated_amount: { amount: AUTO_PRICE, currency: 'CNY' },
      },
    ]);
    expect((await run(at(-1))).charged).toBeGreaterThanOrEqual(1);
    const apply = papayBodies('/v3/papay/pay/transactions/apply').find((b) => b.contract_id === wechatId)!;
    expect(apply).toEqual({
      appid: fake.liveConfig.appId,
      out_trade_no: expect.any(String),
      description: expect.stringContaining('自动续费'),
      transaction_notify_url: `${t.config.publicUrl}/api/payments/wechat/notify`,
      contract_id: wechatId,
      amount: { total: AUTO_PRICE, currency: 'CNY' },
    });
    const orders = ((await t.http.get('/api/orders').set(member.token).expect(200)).body as Page<OrderView>).items;
    expect(orders).toEqual([
      expect.objectContaining({
        kind: 'MEMBERSHIP',
        status: 'PAID',
        totalFen: AUTO_PRICE,
        outTradeNo: apply.out_trade_no,
      }),
    ]);
    expect(
      ((await t.http.get('/api/me/membership').set(member.token).expect(200)).body as MyMembershipView).termEnd,
    ).toBe(at(30).toISOString());

    const notification = await fake.simulator.buildTransactionNotification(apply.out_trade_no as string);
    expect(
      await fake.simulator.deliverNotification(`${t.config.publicUrl}/api/payments/wechat/notify`, notification),
    ).toBe(204);
    expect(
      ((await t.http.get('/api/orders').set(member.token).expect(200)).body as Page<OrderView>).items,
    ).toHaveLength(1);
  });

  it('cancelling calls POST /v3/papay/contracts/{id}/terminate; the user ending it in WeChat arrives as PAPAY.TERMINATE', async () => {
    const leaving = await fx.memberEndingAt('live-cancel', tierId, TERM_END);
    const first = (await t.http.post('/api/me/auto-renew').set(leaving.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    await signInWechat(first.contract.id);
    await t.http.delete('/api/me/auto-renew').set(leaving.token).expect(204);
    const ended = await fake.papay.findByCodePrefix(papayContractCodePrefix(first.contract.id));
    expect(ended?.state).toBe('TERMINATED');
    expect(papayBodies(`/v3/papay/contracts/${ended!.contractId}/terminate`)).toEqual([
      { appid: fake.liveConfig.appId, termination_note: expect.any(String) },
    ]);

    const inWechat = await fx.memberEndingAt('live-wechat-off', tierId, TERM_END);
    const second = (await t.http.post('/api/me/auto-renew').set(inWechat.token).send({ tierId }).expect(201))
      .body as StartAutoRenewResponse;
    await signInWechat(second.contract.id);
    const contract = await fake.papay.findByCodePrefix(papayContractCodePrefix(second.contract.id));
    const { notification, notifyUrl } = await fake.papay.terminateByUser(contract!.outContractCode);
    expect(await fake.simulator.deliverNotification(notifyUrl, notification)).toBe(204);
    expect(await me(inWechat.token)).toEqual(expect.objectContaining({ status: 'CANCELLED', cancelledBy: 'WECHAT' }));
  });

  it('a forged pre-sign answer is not believed, and a pretend time is refused in live mode', async () => {
    const member = await fx.memberEndingAt('live-forged', tierId, TERM_END);
    fake.setResponseSigning('forged');
    try {
      expect((await t.http.post('/api/me/auto-renew').set(member.token).send({ tierId }).expect(502)).body.code).toBe(
        'PAYMENT_FAILED',
      );
    } finally {
      fake.setResponseSigning('valid');
    }
    expect((await me(member.token)).status).toBe('CANCELLED');
    await t.http
      .post('/api/admin/auto-renew/run')
      .set(await t.staff('admin'))
      .send({ now: at(-1).toISOString() })
      .expect(403);
  });
});
