import {
  BenefitType,
  DAY_MS,
  type AdminMemberView,
  type AuditLogView,
  type MyMembershipView,
  type Page,
} from '@member-commerce/shared';
import { shopFixtures } from '../support/shop-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const JOINED = new Date('2030-01-01T02:00:00Z');
const at = (days: number) => new Date(JOINED.getTime() + days * DAY_MS);
/** 12 months from JOINED end on day 365: 25 days left on day 340. */
const TODAY = at(340);
const STEAK = { listFen: 39_900, memberFen: 31_900 };
const TEA = { listFen: 59_800, memberFen: 49_800 };

describe('membership', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: JOINED });
    const f = shopFixtures(t);
    const annual = await f.tier('MS-ANNUAL', {
      benefits: [BenefitType.MEMBER_PRICE, BenefitType.FREE_SHIPPING, BenefitType.SPEND_MILESTONE],
    });
    const monthly = await f.tier('MS-MONTHLY', { termDays: 30, benefits: [BenefitType.MEMBER_PRICE] });
    const steak = await f.product('MS-STEAK', STEAK.listFen, { memberPrices: { [annual.id]: STEAK.memberFen } });
    const tea = await f.product('MS-TEA', TEA.listFen, { memberPrices: { [annual.id]: TEA.memberFen } });
    await f.milestone(100_000, '累计消费 1000 元');
    await f.milestone(300_000, '累计消费 3000 元');
    await f.member('ms-member', annual.id);
    await f.member('ms-lapsed', monthly.id);
    await f.member('ms-revoked', annual.id);
    await f.member('ms-to-revoke', annual.id);
    await t.customer('ms-guest');
    t.clock.set(at(40));
    await f.order('ms-member', [{ skuId: steak.skuId, quantity: 2 }]);
    t.clock.set(at(320));
    await f.order('ms-member', [{ skuId: tea.skuId, quantity: 3 }]);
    t.clock.set(TODAY);
    await t.http
      .post(`/api/admin/members/${(await findMember('ms-revoked')).membershipId}/revoke`)
      .set(await t.staff('operator'))
      .send({ reason: '违规转售礼包' })
      .expect(201);
  }, 180_000); // builds its shop through the API: slow on a shared, loaded machine
  afterAll(() => t.close());

  const me = async (name: string) =>
    (
      await t.http
        .get('/api/me/membership')
        .set(await t.customer(name))
        .expect(200)
    ).body as MyMembershipView;
  const findMember = async (nickname: string) => {
    const page = (
      await t.http
        .get('/api/admin/members')
        .query({ q: nickname })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AdminMemberView>;
    return page.items[0];
  };

  it('needs a customer token', async () => {
    const res = await t.http.get('/api/me/membership').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('a customer who never joined has status NONE', async () => {
    expect(await me('ms-guest')).toMatchObject({ status: 'NONE', spendFen: 0, savingsFen: 0, terms: [] });
  });

  it('a member sees tier, end date, days left and the next milestone', async () => {
    const view = await me('ms-member');
    // This term ms-member paid 2 steaks and 3 teas at member prices (shipping free with the tier).
    const spendFen = 2 * STEAK.memberFen + 3 * TEA.memberFen;
    const savingsFen = 2 * (STEAK.listFen - STEAK.memberFen) + 3 * (TEA.listFen - TEA.memberFen);
    expect(view).toMatchObject({ status: 'ACTIVE', tier: { code: 'MS-ANNUAL' }, spendFen, savingsFen });
    expect(view.daysLeft).toBeGreaterThan(20);
    expect(view.daysLeft).toBeLessThanOrEqual(30);
    expect(view.nextMilestone).toMatchObject({ thresholdFen: 300_000, remainingFen: 300_000 - spendFen });
  });

  it('the same dev code always maps to the same customer', async () => {
    const a = await t.http.post('/api/auth/wechat-login').send({ code: 'dev:someone' }).expect(200);
    const b = await t.http.post('/api/auth/wechat-login').send({ code: 'dev:someone' }).expect(200);
    expect(a.body.customer.id).toBe(b.body.customer.id);
    expect(a.body).not.toHaveProperty('sessionKey');
    expect(JSON.stringify(a.body)).not.toMatch(/session_?key/i);
  });

  it('staff search members by nickname and status', async () => {
    const admin = await t.staff('admin');
    const revoked = (await t.http.get('/api/admin/members').query({ status: 'REVOKED' }).set(admin).expect(200))
      .body as Page<AdminMemberView>;
    expect(revoked.items.map((m) => m.nickname)).toEqual(['ms-revoked']);
    expect(revoked.items.every((m) => m.status === 'REVOKED')).toBe(true);
    const expired = (await t.http.get('/api/admin/members').query({ status: 'EXPIRED' }).set(admin).expect(200))
      .body as Page<AdminMemberView>;
    expect(expired.items.map((m) => m.nickname)).toEqual(['ms-lapsed']);
    expect(expired.items.every((m) => m.status === 'EXPIRED')).toBe(true);
    expect((await findMember('ms-member')).status).toBe('ACTIVE');
  });

  it('support may extend a term by up to 30 days, with a reason, and it is audited', async () => {
    const member = await findMember('ms-member');
    const support = await t.staff('support');
    const tooMany = await t.http
      .post(`/api/admin/members/${member.membershipId}/extend`)
      .set(support)
      .send({ days: 31, reason: '补偿' })
      .expect(403);
    expect(tooMany.body.code).toBe('EXTENSION_LIMIT_EXCEEDED');
    const extended = (
      await t.http
        .post(`/api/admin/members/${member.membershipId}/extend`)
        .set(support)
        .send({ days: 30, reason: '物流延误补偿' })
        .expect(201)
    ).body as AdminMemberView;
    expect(new Date(extended.termEnd!).getTime() - new Date(member.termEnd!).getTime()).toBe(30 * 24 * 3600 * 1000);
    const log = (
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    expect(log.items[0]).toMatchObject({
      action: 'membership.extend',
      staffUsername: 'support',
      entityId: String(member.membershipId),
    });
    expect(log.items[0].after).toMatchObject({ days: 30, reason: '物流延误补偿' });
  });

  it('support may not revoke', async () => {
    const member = await findMember('ms-to-revoke');
    const res = await t.http
      .post(`/api/admin/members/${member.membershipId}/revoke`)
      .set(await t.staff('support'))
      .send({ reason: '测试' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('revoking ends the membership now and the member loses member prices', async () => {
    const member = await findMember('ms-to-revoke');
    const revoked = (
      await t.http
        .post(`/api/admin/members/${member.membershipId}/revoke`)
        .set(await t.staff('operator'))
        .send({ reason: '违规转售' })
        .expect(201)
    ).body as AdminMemberView;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedReason: '违规转售' });
    expect((await me('ms-to-revoke')).status).toBe('REVOKED');
    const again = await t.http
      .post(`/api/admin/members/${member.membershipId}/revoke`)
      .set(await t.staff('operator'))
      .send({ reason: '再次' })
      .expect(409);
    expect(again.body.code).toBe('MEMBERSHIP_NOT_ACTIVE');
  });

  it('an unknown membership is a 404 with a code', async () => {
    const res = await t.http
      .get('/api/admin/members/999999')
      .set(await t.staff('admin'))
      .expect(404);
    expect(res.body.code).toBe('MEMBERSHIP_NOT_FOUND');
  });
});
