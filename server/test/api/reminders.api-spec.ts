import type {
  AuditLogView,
  CallListEntry,
  CallOutcomeStats,
  MyReminderView,
  Page,
  ReminderRuleStats,
  ReminderRuleView,
  ReminderRunResult,
} from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { FixedClock } from '../../src/common/clock';
import { Membership } from '../../src/membership/membership.entity';
import { ConsentCredit } from '../../src/reminders/consent-credit.entity';
import { ReminderClaims } from '../../src/reminders/reminder-claims';
import { Reminder } from '../../src/reminders/reminder.entity';
import { RenewalRemindersService } from '../../src/reminders/renewal-reminders.service';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { FakeWechatServer, startFakeWechatServer } from '../support/fake-wechat-server';
import { ReminderFixtures } from '../support/reminder-fixtures';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Shop day of an instant in Asia/Shanghai (UTC+8, no DST). */
const shanghaiDay = (at: Date | string) => new Date(new Date(at).getTime() + 8 * HOUR).toISOString().slice(0, 10);
/** 10:00 in Shanghai on a given shop day. */
const tenAm = (day: string) => new Date(`${day}T02:00:00Z`);

describe('renewal reminders', () => {
  let t: TestApp;
  let fx: ReminderFixtures;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2030-01-01T02:00:00Z') });
    const year = await shopFixtures(t).tier('RM_YEAR', { termDays: 365, priceFen: 36_500 });
    fx = new ReminderFixtures(t.app, t.http, year.id);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const run = async (now: Date): Promise<ReminderRunResult> =>
    (
      await t.http
        .post('/api/admin/reminders/run')
        .set(await t.staff('admin'))
        .send({ now: now.toISOString() })
        .expect(200)
    ).body;
  const stats = async (offsetDays: number): Promise<ReminderRuleStats> => {
    const rows = (
      await t.http
        .get('/api/admin/reminders/stats')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as ReminderRuleStats[];
    return rows.find((row) => row.offsetDays === offsetDays)!;
  };
  const reminderRows = (customerId: number) =>
    t.app.get(DataSource).manager.find(Reminder, { where: { customerId }, order: { id: 'ASC' } });

  describe('rules', () => {
    it('come with the four default offsets: 30, 7 and 1 days before, 3 days after', async () => {
      const rules = (
        await t.http
          .get('/api/admin/reminders/rules')
          .set(await t.staff('operator'))
          .expect(200)
      ).body as ReminderRuleView[];
      expect(rules.filter((r) => r.kind === 'RENEWAL').map((r) => r.offsetDays)).toEqual([-30, -7, -1, 3]);
      // Besides them, the auto-renew grace notice (sent when a charge failed, not on a day of the term).
      expect(rules.filter((r) => r.kind === 'GRACE').map((r) => r.name)).toEqual(['自动续费扣款失败（宽限期）']);
      expect(rules[0]).toMatchObject({
        templateId: 'tmpl_renewal_reminder_dev',
        customTemplate: false,
        enabled: true,
        page: 'pages/membership/index',
      });
    });

    it('a field over WeChat’s limit is refused on save with the field named', async () => {
      const res = await t.http
        .post('/api/admin/reminders/rules')
        .set(await t.staff('admin'))
        .send({
          name: '太长',
          offsetDays: -14,
          page: 'pages/membership/index',
          fields: { thing1: '这是一段远远超过二十个字的会员续费提醒文字内容' },
        })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'REMINDER_FIELDS_INVALID', message: expect.stringContaining('thing1') });
    });

    it('staff edits are audited; finance may read stats but not edit rules; only admin runs a pass', async () => {
      const operator = await t.staff('operator');
      const created = (
        await t.http
          .post('/api/admin/reminders/rules')
          .set(operator)
          .send({
            name: '到期前14天',
            offsetDays: -14,
            page: 'pages/membership/index',
            fields: { thing1: '{tierName}即将到期', time2: '{termEnd}' },
            enabled: false,
          })
          .expect(201)
      ).body as ReminderRuleView;
      await t.http
        .patch(`/api/admin/reminders/rules/${created.id}`)
        .set(operator)
        .send({ name: '到期前两周' })
        .expect(200);
      const log = (
        await t.http
          .get('/api/admin/audit-logs')
          .set(await t.staff('admin'))
          .expect(200)
      ).body as Page<AuditLogView>;
      expect(log.items[0]).toMatchObject({
        action: 'reminder-rule.update',
        staffUsername: 'operator',
        entityId: String(created.id),
      });
      await t.http.patch(`/api/admin/reminders/rules/999999`).set(operator).send({ enabled: true }).expect(404);
      await t.http
        .post('/api/admin/reminders/rules')
        .set(await t.staff('finance'))
        .send({})
        .expect(403);
      await t.http
        .get('/api/admin/reminders/stats')
        .set(await t.staff('support'))
        .expect(403);
      await t.http.post('/api/admin/reminders/run').set(operator).send({}).expect(403);
      await t.http
        .post('/api/admin/reminders/run')
        .set(await t.staff('admin'))
        .send({ now: 'tomorrow' })
        .expect(400);
    });
  });

  it('each rule fires once, on the right day in the shop’s time zone', async () => {
    // Ends 21 June 01:30 in Shanghai, which is still 20 June in UTC.
    const member = await fx.memberEndingAt('tz-member', new Date('2030-06-20T17:30:00Z'), 10);
    const sentOn: string[] = [];
    for (
      let at = new Date('2030-05-20T00:00:00Z').getTime();
      at <= new Date('2030-06-26T00:00:00Z').getTime();
      at += 6 * HOUR
    ) {
      const before = (await fx.messagesFor([member])).length;
      await run(new Date(at));
      if ((await fx.messagesFor([member])).length > before) sentOn.push(shanghaiDay(new Date(at)));
    }
    expect(sentOn).toEqual(['2030-05-22', '2030-06-14', '2030-06-20', '2030-06-24']);
    expect((await fx.messagesFor([member])).map((m) => m.data.time2.value)).toEqual(
      Array(4).fill('2030年6月21日 01:30'),
    );
    expect(await fx.credits(member)).toBe(6);
  });

  it('a message spends one consent credit, 43101 zeroes the credits, and no credit means an in-app reminder', async () => {
    const end = new Date('2031-03-10T04:00:00Z');
    const withCredit = await fx.memberEndingAt('credit-2', end, 2);
    const refused = await fx.memberEndingAt('credit-refused', end, 3);
    const noConsent = await fx.memberEndingAt('credit-none', end);
    t.app.get(WechatSimulator).refuseMessagesFor(refused.openid);

    const before = await stats(-7);
    const result = await run(tenAm('2031-03-03'));
    expect(result).toEqual({ due: 3, sent: 1, failed: 1, skipped: 1, inApp: 2 });
    expect(await fx.credits(withCredit)).toBe(1);
    expect(await fx.credits(refused)).toBe(0);
    expect((await reminderRows(refused.customerId))[0]).toMatchObject({
      status: 'FAILED',
      errorCode: '43101',
      inApp: true,
    });
    expect((await fx.messagesFor([withCredit]))[0]).toMatchObject({
      templateId: 'tmpl_renewal_reminder_dev',
      page: 'pages/membership/index',
    });

    const mine = (await t.http.get('/api/me/reminders').set(noConsent.token).expect(200)).body as MyReminderView[];
    expect(mine).toEqual([
      expect.objectContaining({ offsetDays: -7, seen: false, message: expect.stringContaining('2031年3月10日') }),
    ]);
    await t.http.post(`/api/me/reminders/${mine[0].id}/seen`).set(noConsent.token).expect(204);
    await t.http.post(`/api/me/reminders/${mine[0].id}/seen`).set(withCredit.token).expect(404);
    expect(
      ((await t.http.get('/api/me/reminders').set(noConsent.token).expect(200)).body as MyReminderView[])[0].seen,
    ).toBe(true);
    expect((await t.http.get('/api/me/reminders').set(withCredit.token).expect(200)).body).toEqual([]);

    const after = await stats(-7);
    expect(after.failedByCode['43101']).toBe(1);
    const delta = (key: 'due' | 'sent' | 'failed' | 'skippedNoConsent' | 'inApp' | 'seen') => after[key] - before[key];
    expect({
      due: delta('due'),
      sent: delta('sent'),
      failed: delta('failed'),
      skipped: delta('skippedNoConsent'),
      inApp: delta('inApp'),
      seen: delta('seen'),
    }).toEqual({
      due: 3,
      sent: 1,
      failed: 1,
      skipped: 1,
      inApp: 2,
      seen: 1,
    });
  });

  it('two passes started at once send each reminder once', async () => {
    const end = new Date('2032-04-10T04:00:00Z');
    const members = [];
    for (let i = 0; i < 12; i++) members.push(await fx.memberEndingAt(`concurrent-${i}`, end, 1));
    const results = await Promise.all([run(tenAm('2032-04-09')), run(tenAm('2032-04-09')), run(tenAm('2032-04-09'))]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12);
    const messages = await fx.messagesFor(members);
    expect(messages).toHaveLength(12);
    expect(new Set(messages.map((m) => m.openid)).size).toBe(12);
  });

  it('a renewal before the send day cancels the old end’s reminders; one after a reminder counts as converted', async () => {
    const end = new Date('2033-05-20T04:00:00Z');
    const early = await fx.memberEndingAt('renews-early', end, 5);
    const late = await fx.memberEndingAt('renews-late', end, 5);
    const caller = await fx.memberEndingAt('renews-after-call', end);

    await run(tenAm('2033-04-20'));
    expect(await fx.messagesFor([early, late])).toHaveLength(2);
    await fx.renew(early, tenAm('2033-05-01'));
    t.clock.set(tenAm('2033-05-12'));
    await t.http
      .post('/api/admin/reminders/calls')
      .set(await t.staff('operator'))
      .send({ customerId: caller.customerId, outcome: 'PROMISED', note: '月底前续费' })
      .expect(201);

    await run(tenAm('2033-05-13'));
    expect(await fx.messagesFor([early])).toHaveLength(1);
    expect(await fx.messagesFor([late])).toHaveLength(2);
    await fx.renew(late, tenAm('2033-05-15'));
    await fx.renew(caller, tenAm('2033-05-16'));
    await run(tenAm('2033-05-19'));
    expect(await fx.messagesFor([early, late])).toHaveLength(3);

    const thirty = await stats(-30);
    const seven = await stats(-7);
    expect(thirty.converted).toBeGreaterThanOrEqual(1); // "early" renewed 11 days after the −30 reminder; "late" 25 days after: not counted
    expect((await reminderRows(late.customerId)).map((r) => r.convertedAt !== null)).toEqual([false, true]);
    expect((await reminderRows(early.customerId)).map((r) => r.convertedAt !== null)).toEqual([true]);
    expect(seven.converted).toBeGreaterThanOrEqual(1);
    const calls = (
      await t.http
        .get('/api/admin/reminders/call-stats')
        .set(await t.staff('finance'))
        .expect(200)
    ).body as CallOutcomeStats[];
    expect(calls.find((c) => c.outcome === 'PROMISED')).toEqual({ outcome: 'PROMISED', calls: 1, converted: 1 });
  });

  it.each([
    ['the pass re-checks the membership', false],
    ['the renewal hook cancels the claim', true],
  ])('a claim whose membership is renewed before the send is not sent (%s)', async (_how, hook) => {
    const end = new Date(hook ? '2034-06-20T04:00:00Z' : '2034-07-20T04:00:00Z');
    const member = await fx.memberEndingAt(`renews-mid-pass-${hook}`, end, 5);
    const send = jest.spyOn(t.app.get(WechatSimulator), 'sendSubscribeMessage');
    // The renewal lands between the claim and the send.
    const claims = t.app.get(ReminderClaims);
    const original = claims.claim.bind(claims);
    jest.spyOn(claims, 'claim').mockImplementationOnce(async (...args) => {
      const token = await original(...args);
      await fx.renew(member, new Date(end.getTime() - 8 * DAY), { hook });
      return token;
    });
    const result = await run(new Date(end.getTime() - 7 * DAY));
    expect(result).toMatchObject({ due: hook ? 0 : 1, sent: 0 });
    expect(send).not.toHaveBeenCalledWith(expect.objectContaining({ openid: member.openid }));
    expect(await reminderRows(member.customerId)).toEqual([
      expect.objectContaining({ status: 'CANCELLED', remindedAt: null }),
    ]);
    expect(await fx.credits(member)).toBe(5);
  });

  it('the renewal hook gives back the credit a READY claim had already spent', async () => {
    const end = new Date('2034-08-20T04:00:00Z');
    const member = await fx.memberEndingAt('renews-while-ready', end, 2);
    const rules = (
      await t.http
        .get('/api/admin/reminders/rules')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as ReminderRuleView[];
    const manager = t.app.get(DataSource).manager;
    // As a pass leaves it between re-checking the claim (credit spent) and sending it.
    await manager.insert(Reminder, {
      ruleId: rules.find((r) => r.offsetDays === -7)!.id,
      membershipId: (await manager.findOneByOrFail(Membership, { customerId: member.customerId })).id,
      customerId: member.customerId,
      termEnd: end,
      status: 'READY',
      claimToken: 'pass-in-progress',
      claimedAt: t.clock.now(),
      inApp: false,
    });
    await manager.decrement(ConsentCredit, { customerId: member.customerId }, 'credits', 1);
    await fx.renew(member, new Date(end.getTime() - 7 * DAY));
    expect(await reminderRows(member.customerId)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    expect(await fx.credits(member)).toBe(2);
  });

  it('a pass that dies mid-batch is finished by the next one: the rest are sent, nothing twice, in-flight ones reported', async () => {
    const end = new Date('2035-09-20T04:00:00Z');
    const members = [];
    for (let i = 0; i < 120; i++) members.push(await fx.memberEndingAt(`crash-${i}`, end, 1));
    // A second server process on the same database runs the pass that dies.
    const doomed = await createApp({ config: { ...t.config }, clock: new FixedClock(t.clock.now()) });
    await doomed.init();
    const doomedSimulator = doomed.get(WechatSimulator);
    const realSend = doomedSimulator.sendSubscribeMessage.bind(doomedSimulator);
    let sends = 0;
    // After 25 messages its WeChat calls never return: the process is as good as killed mid-batch.
    jest.spyOn(doomedSimulator, 'sendSubscribeMessage').mockImplementation((input) => {
      if (++sends > 25) return new Promise(() => undefined) as never;
      return realSend(input);
    });
    let messages: Awaited<ReturnType<typeof fx.messagesFor>>;
    let rerun: Awaited<ReturnType<typeof run>>;
    try {
      void doomed
        .get(RenewalRemindersService)
        .runPass(tenAm('2035-09-19'))
        .catch(() => undefined);
      while (sends < 30) await new Promise((resolve) => setTimeout(resolve, 20));
      // The 25 real sends write the simulator's log (in the database) asynchronously: wait until they are all there.
      for (let i = 0; i < 100 && (await fx.messagesFor(members, doomedSimulator)).length < 25; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await fx.messagesFor(members, doomedSimulator)).toHaveLength(25);

      // A rerun within the lease leaves the dead pass's claims alone...
      expect(await run(tenAm('2035-09-19'))).toMatchObject({ due: 0, sent: 0 });
      // ...after it, unsent claims are taken over and in-flight ones are reported, never resent.
      t.clock.advance(11 * 60_000);
      rerun = await run(tenAm('2035-09-19'));
      // The simulator's message log lives in the shared database: it holds what both instances sent.
      messages = await fx.messagesFor(members);
    } finally {
      await doomed.close();
    }
    const messaged = new Set(messages.map((m) => m.openid));
    expect(messaged.size).toBe(messages.length);
    const rows = await t.app.get(DataSource).manager.find(Reminder, { where: { termEnd: end } });
    const openidOf = new Map(members.map((m) => [m.customerId, m.openid]));
    const sent = rows.filter((r) => r.status === 'SENT');
    const failed = rows.filter((r) => r.status === 'FAILED');
    expect(sent.length + failed.length).toBe(120);
    expect(sent.every((r) => messaged.has(openidOf.get(r.customerId)!))).toBe(true);
    // At most once: what was in flight when the pass died is reported (and shown in-app), never sent again.
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.errorCode === 'INTERRUPTED' && r.inApp)).toBe(true);
    expect(rerun.sent).toBe(messages.length - 25);
    expect(rerun.sent).toBeGreaterThan(0);
  });

  it('the call list shows members ending soon without consent or who ignored reminders, and records outcomes', async () => {
    t.clock.set(tenAm('2036-08-01'));
    const quiet = await fx.memberEndingAt('call-no-consent', new Date('2036-08-20T04:00:00Z'));
    const reachable = await fx.memberEndingAt('call-has-consent', new Date('2036-08-21T04:00:00Z'), 3);
    await fx.memberEndingAt('call-far-away', new Date('2036-12-20T04:00:00Z'));
    const operator = await t.staff('operator');
    const list = (
      await t.http.get('/api/admin/reminders/call-list').query({ withinDays: 30 }).set(operator).expect(200)
    ).body as CallListEntry[];
    expect(list.map((e) => e.customerId)).toEqual([quiet.customerId]);
    // Days left are shop-calendar days (Aug 1 → Aug 20), the number the WeChat reminder prints too.
    expect(list[0]).toMatchObject({ consentCredits: 0, daysLeft: 19, spendFen: 0, lastCall: null });

    await run(tenAm('2036-07-22')); // reachable gets its −30 message and does not renew
    const after = (
      await t.http.get('/api/admin/reminders/call-list').query({ sort: 'termEnd' }).set(operator).expect(200)
    ).body as CallListEntry[];
    expect(after.map((e) => e.customerId)).toEqual([quiet.customerId, reachable.customerId]);
    expect(after[1].remindersIgnored).toBe(1);

    await t.http
      .post('/api/admin/reminders/calls')
      .set(operator)
      .send({ customerId: quiet.customerId, outcome: 'NO_ANSWER' })
      .expect(201);
    await t.http
      .post('/api/admin/reminders/calls')
      .set(operator)
      .send({ customerId: quiet.customerId, outcome: 'MAYBE' })
      .expect(400);
    const again = (await t.http.get('/api/admin/reminders/call-list').set(operator).expect(200))
      .body as CallListEntry[];
    expect(again.find((e) => e.customerId === quiet.customerId)?.lastCall).toMatchObject({
      outcome: 'NO_ANSWER',
      staffUsername: 'operator',
    });
  });
});

describe('renewal reminders over live WeChat (fake WeChat server)', () => {
  let t: TestApp;
  let fake: FakeWechatServer;
  beforeAll(async () => {
    fake = await startFakeWechatServer();
    t = await startTestApp({
      now: new Date('2030-01-01T02:00:00Z'),
      configure: (config) => {
        config.wechat.mode = 'live';
        config.wechat.live = { ...fake.liveConfig, notifyUrl: 'http://127.0.0.1:9/notify' };
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('sends through POST /cgi-bin/message/subscribe/send with a refreshed token, records 43101, and refuses a pretend time', async () => {
    const year = await shopFixtures(t).tier('RM_LIVE_YEAR', { termDays: 365, priceFen: 36_500 });
    const fx = new ReminderFixtures(t.app, t.http, year.id);
    const end = new Date('2030-03-10T04:00:00Z');
    const ok = await fx.memberEndingAt('live-ok', end, 1);
    const refused = await fx.memberEndingAt('live-refused', end, 1);
    fake.simulator.refuseMessagesFor(refused.openid);
    const admin = await t.staff('admin');
    await t.http.post('/api/admin/reminders/run').set(admin).send({ now: '2030-03-03T02:00:00Z' }).expect(403);

    fake.simulator.rotateAccessToken();
    t.clock.set(tenAm('2030-03-03'));
    const result = (await t.http.post('/api/admin/reminders/run').set(admin).send({}).expect(200))
      .body as ReminderRunResult;
    expect(result).toEqual({ due: 2, sent: 1, failed: 1, inApp: 1, skipped: 0 });
    expect(await fx.messagesFor([ok], fake.simulator)).toEqual([
      expect.objectContaining({ errcode: 0, templateId: 'tmpl_renewal_reminder_dev' }),
    ]);
    expect(fake.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send').length).toBeGreaterThanOrEqual(2);
    expect(await fx.credits(refused)).toBe(0);
    expect(await fx.credits(ok)).toBe(0);
  });
});
