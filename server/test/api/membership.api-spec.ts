import type { AdminMemberView, AuditLogView, MyMembershipView, Page } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

describe('membership', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
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
    expect(await me('demo-guest')).toMatchObject({ status: 'NONE', spendFen: 0, savingsFen: 0, terms: [] });
  });

  it('a member sees tier, end date, days left and the next milestone', async () => {
    const view = await me('demo-member');
    // The seeded member paid three member-priced orders this term: 956 + 497 + 1764 元.
    expect(view).toMatchObject({ status: 'ACTIVE', tier: { code: 'ANNUAL' }, spendFen: 321_700, savingsFen: 71_200 });
    expect(view.daysLeft).toBeGreaterThan(20);
    expect(view.daysLeft).toBeLessThanOrEqual(30);
    expect(view.nextMilestone).toMatchObject({ thresholdFen: 500_000, remainingFen: 178_300 });
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
    // The demo finance year adds refunded (revoked) and lapsed members beside the named ones.
    expect(revoked.items.map((m) => m.nickname)).toContain('赵敏');
    expect(revoked.items.every((m) => m.status === 'REVOKED')).toBe(true);
    const expired = (await t.http.get('/api/admin/members').query({ status: 'EXPIRED' }).set(admin).expect(200))
      .body as Page<AdminMemberView>;
    expect(expired.items.map((m) => m.nickname)).toContain('李华');
    expect(expired.items.every((m) => m.status === 'EXPIRED')).toBe(true);
    expect((await findMember('演示会员')).status).toBe('ACTIVE');
  });

  it('support may extend a term by up to 30 days, with a reason, and it is audited', async () => {
    const member = await findMember('演示会员');
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
    const member = await findMember('王小明');
    const res = await t.http
      .post(`/api/admin/members/${member.membershipId}/revoke`)
      .set(await t.staff('support'))
      .send({ reason: '测试' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('revoking ends the membership now and the member loses member prices', async () => {
    const member = await findMember('王小明');
    const revoked = (
      await t.http
        .post(`/api/admin/members/${member.membershipId}/revoke`)
        .set(await t.staff('operator'))
        .send({ reason: '违规转售' })
        .expect(201)
    ).body as AdminMemberView;
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedReason: '违规转售' });
    expect((await me('wang-xiaoming')).status).toBe('REVOKED');
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
