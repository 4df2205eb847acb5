import { DataSource } from 'typeorm';
import { DAY_MS, type MyReminderView, type ReminderPreview, type ReminderRunResult } from '@member-commerce/shared';
import { ConsentCredit } from '../../src/reminders/consent-credit.entity';
import { WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { AutoRenewFixtures, type ArMember } from '../support/auto-renew-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** 10:00 Beijing time, inside WeChat's charging hours. */
const TERM_END = new Date('2031-05-20T02:00:00Z');
const at = (days: number, hours = 0) => new Date(TERM_END.getTime() + days * DAY_MS + hours * 3_600_000);
const TEMPLATE = 'tmpl_renewal_reminder_dev';

describe('renewal reminders of auto-renewing members (#19)', () => {
  let t: TestApp;
  let fx: AutoRenewFixtures;
  let tierId: number;
  const AUTO_PRICE = 2_680;

  beforeAll(async () => {
    t = await startTestApp({ now: at(-20), env: { AUTO_RENEW_GRACE_DAYS: '3' } });
    fx = new AutoRenewFixtures(t);
    tierId = (await fx.monthlyTier('ARR_MONTH', 3_000, AUTO_PRICE)).id;
  }, 180_000);
  afterAll(() => t.close());

  const runReminders = async (now: Date): Promise<ReminderRunResult> => {
    t.clock.set(now);
    return (
      await t.http
        .post('/api/admin/reminders/run')
        .set(await t.staff('admin'))
        .send({ now: now.toISOString() })
        .expect(200)
    ).body as ReminderRunResult;
  };
  const credit = (member: ArMember, credits: number) =>
    t.app
      .get(DataSource)
      .manager.insert(ConsentCredit, { customerId: member.customerId, templateId: TEMPLATE, credits });
  const messagesTo = async (member: ArMember) =>
    (await t.app.get(WechatSimulator).listMessages()).filter((m) => m.openid === member.openid).reverse();
  const inApp = async (member: ArMember) =>
    (await t.http.get('/api/me/reminders').set(member.token).expect(200)).body as MyReminderView[];

  it('a member whose term renews by itself is told auto-renew is on, the amount and charge date, and how to cancel — not asked to renew', async () => {
    t.clock.set(at(-20));
    const withCredit = await fx.memberEndingAt('arr-msg', tierId, TERM_END);
    const noCredit = await fx.memberEndingAt('arr-inapp', tierId, TERM_END);
    await fx.signedContract(withCredit, tierId);
    await fx.signedContract(noCredit, tierId);
    await credit(withCredit, 1);

    await runReminders(at(-7));

    const [message] = await messagesTo(withCredit);
    expect(message.data).toEqual({
      thing1: { value: 'ARR_MONTH 月卡将自动续费' },
      time2: { value: '2031年5月19日 10:00' },
      thing3: { value: '扣¥26.80，会员页可取消' },
    });
    const [banner] = await inApp(noCredit);
    expect(banner.message).toBe(
      '您的ARR_MONTH 月卡已开通自动续费，将于2031年5月19日 10:00自动扣款¥26.80续费一期，无需手动续费；如需取消，请在“会员”页关闭自动续费',
    );
    expect(banner.message).not.toMatch(/提前续费/);
  });

  it('a member without auto-renew is still asked to renew', async () => {
    t.clock.set(at(-20));
    const plain = await fx.memberEndingAt('arr-plain', tierId, TERM_END);
    await runReminders(at(-7));
    const [banner] = await inApp(plain);
    expect(banner.message).toBe('您的ARR_MONTH 月卡将于2031年5月20日 10:00到期，提前续费不丢天数');
  });

  it('a failed auto-renew charge that starts the grace period sends one message: what failed, until when, how to pay', async () => {
    t.clock.set(at(-20));
    const member = await fx.memberEndingAt('arr-grace', tierId, TERM_END);
    const quiet = await fx.memberEndingAt('arr-grace-inapp', tierId, TERM_END);
    for (const m of [member, quiet]) {
      const contractId = await fx.signedContract(m, tierId);
      await t.http.post(`/api/dev/wechat/papay/${contractId}/balance`).send({ insufficient: true }).expect(200);
    }
    await fx.pass(at(-7));
    await fx.pass(at(-1));
    await fx.pass(at(-1, 6));
    await fx.pass(at(-1, 21));
    await fx.pass(at(0, 1)); // the window closed: grace until 3 days after the term end
    await credit(member, 1);
    const before = (await messagesTo(member)).length;

    await runReminders(at(0, 2));
    await runReminders(at(0, 3));

    const grace = (await messagesTo(member)).slice(before);
    expect(grace).toHaveLength(1);
    expect(grace[0].data).toEqual({
      thing1: { value: 'ARR_MONTH 月卡续费扣款未成功' },
      time2: { value: '2031年5月23日 10:00' },
      thing3: { value: '宽限期内请到会员页手动续费' },
    });
    expect(grace[0].page).toBe('pages/membership/index');
    const banners = await inApp(quiet);
    expect(banners.map((b) => b.message)).toEqual([
      '您的ARR_MONTH 月卡自动续费扣款未成功。会员价与权益保留至2031年5月23日 10:00（宽限期），请在此之前到“会员”页手动续费，逾期会员将到期',
    ]);
  });

  it('staff preview a rule as a sample member receives it, by field label, rendered by the code that sends it', async () => {
    t.clock.set(new Date('2031-01-10T02:00:00Z'));
    const fields = { thing1: '{tierName}即将到期', time2: '{termEnd}', thing3: '还剩{daysLeft}天，续费不丢天数' };
    const preview = (
      await t.http
        .post('/api/admin/reminders/rules/preview')
        .set(await t.staff('operator'))
        .send({ offsetDays: -7, fields })
        .expect(200)
    ).body as ReminderPreview;
    expect(preview.member.fields.map((f) => f.label)).toEqual(['会员名称', '到期时间', '温馨提示']);
    expect(preview.member.fields[1].value).toBe('2031年1月17日 10:00');
    expect(preview.member.fields[2].value).toBe('还剩7天，续费不丢天数');
    expect(preview.member.inApp).toMatch(/将于2031年1月17日 10:00到期/);
    expect(preview.autoRenewMember?.fields[0].value).toMatch(/将自动续费$/);
    expect(preview.autoRenewMember?.inApp).toMatch(/将于2031年1月16日 10:00自动扣款.*关闭自动续费/);

    const bad = await t.http
      .post('/api/admin/reminders/rules/preview')
      .set(await t.staff('operator'))
      .send({ offsetDays: -7, fields: { thing1: '这是一段超过二十个字的提醒文字，微信会拒绝发送' } })
      .expect(400);
    expect(bad.body.code).toBe('REMINDER_FIELDS_INVALID');
    await t.http
      .post('/api/admin/reminders/rules/preview')
      .set(await t.staff('support'))
      .send({ offsetDays: -7, fields })
      .expect(403);
  });
});
