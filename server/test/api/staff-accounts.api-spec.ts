import { DataSource } from 'typeorm';
import type {
  AuditLogView,
  ChangePasswordResponse,
  Page,
  StaffLoginResponse,
  StaffSummary,
} from '@member-commerce/shared';
import { createFirstAdmin } from '../../src/staff/first-admin';
import { decodeToken, forgeToken } from '../support/forge-token';
import { startTestApp, TestApp } from '../support/test-app';

describe('staff accounts: own password, disabling, token lifetime, first admin', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({ env: { STAFF_TOKEN_TTL_SECONDS: '3600', CUSTOMER_TOKEN_TTL_SECONDS: '7200' } });
    admin = await t.staff('admin');
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.http.post('/api/admin/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  async function newStaff(
    username: string,
    password: string,
    role = 'operator',
  ): Promise<{ id: number; auth: { Authorization: string } }> {
    const created = (await t.http.post('/api/admin/staff').set(admin).send({ username, password, role }).expect(201))
      .body as StaffSummary;
    const token = ((await login(username, password).expect(200)).body as StaffLoginResponse).token;
    return { id: created.id, auth: bearer(token) };
  }
  const auditActions = async () =>
    (
      (await t.http.get('/api/admin/audit-logs').query({ pageSize: 100 }).set(admin).expect(200))
        .body as Page<AuditLogView>
    ).items.map((row) => `${row.action} ${row.entityId}`);

  describe("changing one's own password", () => {
    it('needs the current password', async () => {
      const { auth } = await newStaff('pw-wrong', 'first-password');
      const res = await t.http
        .post('/api/admin/auth/password')
        .set(auth)
        .send({ currentPassword: 'not-it', newPassword: 'second-password' })
        .expect(400);
      expect(res.body.code).toBe('CURRENT_PASSWORD_WRONG');
      await login('pw-wrong', 'first-password').expect(200);
    });

    it('replaces the password, answers a fresh token and refuses tokens issued before the change; audited', async () => {
      const { id, auth } = await newStaff('pw-change', 'first-password');
      // Tokens have whole-second `iat`: let a second pass so the old token is strictly older than the change.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const res = await t.http
        .post('/api/admin/auth/password')
        .set(auth)
        .send({ currentPassword: 'first-password', newPassword: 'second-password' })
        .expect(200);
      const fresh = bearer((res.body as ChangePasswordResponse).token);
      await t.http.get('/api/admin/me').set(auth).expect(401);
      await t.http.get('/api/admin/me').set(fresh).expect(200);
      await login('pw-change', 'first-password').expect(401);
      await login('pw-change', 'second-password').expect(200);
      expect(await auditActions()).toContain(`staff.change-password ${id}`);
    });

    it('a new password shorter than 8 characters is refused', async () => {
      const { auth } = await newStaff('pw-short', 'first-password');
      expect(
        (
          await t.http
            .post('/api/admin/auth/password')
            .set(auth)
            .send({ currentPassword: 'first-password', newPassword: 'short' })
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
    });
  });

  describe('admin disables and enables accounts', () => {
    it('a disabled account cannot log in and its existing token is refused; enabling restores it; both audited', async () => {
      const { id, auth } = await newStaff('to-disable', 'some-password');
      const disabled = await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ active: false }).expect(200);
      expect(disabled.body).toMatchObject({ id, active: false });
      await t.http.get('/api/admin/me').set(auth).expect(401);
      expect((await login('to-disable', 'some-password').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
      await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ active: true }).expect(200);
      await t.http.get('/api/admin/me').set(auth).expect(200);
      await login('to-disable', 'some-password').expect(200);
      expect(await auditActions()).toEqual(expect.arrayContaining([`staff.disable ${id}`, `staff.enable ${id}`]));
    });

    it('the staff list shows who is disabled', async () => {
      const { id } = await newStaff('listed-disabled', 'some-password');
      await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ active: false }).expect(200);
      const list = (await t.http.get('/api/admin/staff').set(admin).expect(200)).body as StaffSummary[];
      expect(list.find((staff) => staff.id === id)).toMatchObject({ username: 'listed-disabled', active: false });
    });

    it('an admin cannot disable their own account', async () => {
      const me = (await t.http.get('/api/admin/me').set(admin).expect(200)).body as StaffSummary;
      expect(
        (await t.http.patch(`/api/admin/staff/${me.id}`).set(admin).send({ active: false }).expect(409)).body.code,
      ).toBe('CANNOT_DISABLE_SELF');
    });

    it('only admin may, and an unknown account is a 404', async () => {
      const { id, auth } = await newStaff('not-admin', 'some-password');
      await t.http.patch(`/api/admin/staff/${id}`).set(auth).send({ active: false }).expect(403);
      expect(
        (await t.http.patch('/api/admin/staff/999999').set(admin).send({ active: false }).expect(404)).body.code,
      ).toBe('STAFF_NOT_FOUND');
      expect(
        (await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ active: 'no' }).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
    });
  });

  describe('admin edits roles and resets passwords', () => {
    const activeAdmins = async () =>
      ((await t.http.get('/api/admin/staff').set(admin).expect(200)).body as StaffSummary[]).filter(
        (staff) => staff.role === 'admin' && staff.active,
      );

    it('a role change takes effect on the next request and is audited', async () => {
      const { id, auth } = await newStaff('becomes-finance', 'some-password', 'support');
      await t.http.get('/api/admin/finance/report').query({ from: '2026-01', to: '2026-01' }).set(auth).expect(403);
      const changed = await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ role: 'finance' }).expect(200);
      expect(changed.body).toMatchObject({ id, role: 'finance', active: true });
      await t.http.get('/api/admin/finance/report').query({ from: '2026-01', to: '2026-01' }).set(auth).expect(200);
      expect(await auditActions()).toContain(`staff.change_role ${id}`);
      expect(
        (await t.http.patch(`/api/admin/staff/${id}`).set(admin).send({ role: 'owner' }).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
    });

    it('the last active admin can be neither demoted nor disabled (409 LAST_ADMIN); with a second admin it can', async () => {
      const admins = await activeAdmins();
      for (const extra of admins.slice(1))
        await t.http.patch(`/api/admin/staff/${extra.id}`).set(admin).send({ role: 'operator' }).expect(200);
      const [last] = await activeAdmins();
      const refused = await t.http
        .patch(`/api/admin/staff/${last.id}`)
        .set(admin)
        .send({ role: 'operator' })
        .expect(409);
      expect(refused.body.code).toBe('LAST_ADMIN');
      expect(refused.body.message).toMatch(/管理员|admin/i);
      expect((await activeAdmins()).map((a) => a.id)).toEqual([last.id]);

      const { id: second, auth: secondAuth } = await newStaff('second-admin', 'some-password', 'admin');
      await t.http.patch(`/api/admin/staff/${second}`).set(secondAuth).send({ role: 'operator' }).expect(200);
      const third = await newStaff('third-admin', 'some-password', 'admin');
      await t.http.patch(`/api/admin/staff/${third.id}`).set(admin).send({ active: false }).expect(200);
      expect(
        (await t.http.patch(`/api/admin/staff/${last.id}`).set(admin).send({ role: 'finance' }).expect(409)).body.code,
      ).toBe('LAST_ADMIN');
    });

    it('a reset shows a one-time temporary password once: old password and tokens stop working, the owner must change it', async () => {
      const { id, auth } = await newStaff('forgetful', 'old-password');
      await new Promise((resolve) => setTimeout(resolve, 1100)); // whole-second `iat`: the old token is strictly older
      const reset = (await t.http.post(`/api/admin/staff/${id}/password`).set(admin).send({}).expect(200)).body;
      expect(reset.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(reset.staff).toMatchObject({ id, mustChangePassword: true });
      await t.http.get('/api/admin/me').set(auth).expect(401);
      await login('forgetful', 'old-password').expect(401);
      const session = (await login('forgetful', reset.temporaryPassword).expect(200)).body as StaffLoginResponse;
      expect(session.staff.mustChangePassword).toBe(true);
      const changed = (
        await t.http
          .post('/api/admin/auth/password')
          .set(bearer(session.token))
          .send({ currentPassword: reset.temporaryPassword, newPassword: 'my-own-password' })
          .expect(200)
      ).body as ChangePasswordResponse;
      const me = (await t.http.get('/api/admin/me').set(bearer(changed.token)).expect(200)).body as StaffSummary;
      expect(me.mustChangePassword).toBe(false);
      expect(await auditActions()).toContain(`staff.reset_password ${id}`);
      const logs = (await t.http.get('/api/admin/audit-logs').query({ pageSize: 100 }).set(admin).expect(200))
        .body as Page<AuditLogView>;
      expect(JSON.stringify(logs.items)).not.toContain(reset.temporaryPassword);
    });

    it('a session whose password must change gets 403 PASSWORD_CHANGE_REQUIRED on every staff route but who-am-I and changing it', async () => {
      const { id } = await newStaff('must-change', 'old-password', 'admin');
      const reset = (await t.http.post(`/api/admin/staff/${id}/password`).set(admin).send({}).expect(200)).body;
      const session = (await login('must-change', reset.temporaryPassword).expect(200)).body as StaffLoginResponse;
      const auth = bearer(session.token);
      for (const blocked of [
        t.http.get('/api/admin/staff').set(auth),
        t.http.get('/api/admin/tiers').set(auth),
        t.http.get('/api/admin/audit-logs').set(auth),
        t.http
          .post('/api/admin/staff')
          .set(auth)
          .send({ username: 'sneaky', password: 'sneaky-password', role: 'admin' }),
      ]) {
        const res = await blocked.expect(403);
        expect(res.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      }
      expect(((await t.http.get('/api/admin/me').set(auth).expect(200)).body as StaffSummary).mustChangePassword).toBe(
        true,
      );
      const changed = (
        await t.http
          .post('/api/admin/auth/password')
          .set(auth)
          .send({ currentPassword: reset.temporaryPassword, newPassword: 'my-own-password' })
          .expect(200)
      ).body as ChangePasswordResponse;
      await t.http.get('/api/admin/staff').set(bearer(changed.token)).expect(200);
    });

    it('an admin cannot reset their own password (409 CANNOT_RESET_OWN_PASSWORD): they change it with the current one', async () => {
      const me = (await t.http.get('/api/admin/me').set(admin).expect(200)).body as StaffSummary;
      const refused = await t.http.post(`/api/admin/staff/${me.id}/password`).set(admin).send({}).expect(409);
      expect(refused.body.code).toBe('CANNOT_RESET_OWN_PASSWORD');
      await t.http.get('/api/admin/staff').set(admin).expect(200);
    });

    it('an admin may set the new password instead; only admin may reset, and a short one is refused', async () => {
      const { id, auth } = await newStaff('given-password', 'old-password');
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const reset = (
        await t.http
          .post(`/api/admin/staff/${id}/password`)
          .set(admin)
          .send({ password: 'chosen-by-admin' })
          .expect(200)
      ).body;
      expect(reset.temporaryPassword).toBeNull();
      await login('given-password', 'chosen-by-admin').expect(200);
      await t.http
        .post(`/api/admin/staff/${id}/password`)
        .set(await t.staff('operator'))
        .send({})
        .expect(403);
      expect(
        (await t.http.post(`/api/admin/staff/${id}/password`).set(admin).send({ password: 'short' }).expect(400)).body
          .code,
      ).toBe('VALIDATION_FAILED');
      expect((await t.http.post('/api/admin/staff/999999/password').set(admin).send({}).expect(404)).body.code).toBe(
        'STAFF_NOT_FOUND',
      );
      await t.http.get('/api/admin/me').set(auth).expect(401);
    });
  });

  describe('the audit log is read by the roles DESIGN.md gives it', () => {
    it('admin and finance read it; operator and support do not', async () => {
      await t.http.get('/api/admin/audit-logs').set(admin).expect(200);
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('finance'))
        .expect(200);
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('operator'))
        .expect(403);
      await t.http
        .get('/api/admin/audit-logs')
        .set(await t.staff('support'))
        .expect(403);
    });
  });

  describe('session tokens always expire', () => {
    it('staff and customer tokens carry exp at the configured lifetime', async () => {
      const staffToken = decodeToken(admin.Authorization.slice(7));
      expect(Number(staffToken.exp) - Number(staffToken.iat)).toBe(3600);
      const customerToken = decodeToken((await t.customer('exp-check')).Authorization.slice(7));
      expect(Number(customerToken.exp) - Number(customerToken.iat)).toBe(7200);
    });

    it('a correctly signed token without exp is refused, for staff and for customers', async () => {
      const me = (await t.http.get('/api/admin/me').set(admin).expect(200)).body as StaffSummary;
      const iat = Math.floor(Date.now() / 1000);
      await t.http
        .get('/api/admin/me')
        .set(bearer(forgeToken(t.config.jwtSecret, { sub: me.id, typ: 'staff', iat })))
        .expect(401);
      const customer = decodeToken((await t.customer('no-exp')).Authorization.slice(7));
      await t.http
        .get('/api/me/membership')
        .set(bearer(forgeToken(t.config.jwtSecret, { sub: customer.sub, typ: 'customer', iat })))
        .expect(401);
      await t.http
        .get('/api/admin/me')
        .set(bearer(forgeToken(t.config.jwtSecret, { sub: me.id, typ: 'staff', iat, exp: iat - 10 })))
        .expect(401);
      await t.http
        .get('/api/admin/me')
        .set(bearer(forgeToken(t.config.jwtSecret, { sub: me.id, typ: 'staff', iat, exp: iat + 60 })))
        .expect(200);
    });
  });
});

describe('staff:create-admin on a database without staff', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('no demo staff exist without seeding', async () => {
    await t.http.post('/api/admin/auth/login').send({ username: 'admin', password: 'admin123' }).expect(401);
  });

  it('creates the first admin, who logs in and manages staff; audited without a staff author', async () => {
    const dataSource = t.app.get(DataSource);
    const created = await createFirstAdmin(dataSource, { username: 'owner', password: 'a-long-first-password' });
    expect(created.role).toBe('admin');
    const token = (
      (
        await t.http
          .post('/api/admin/auth/login')
          .send({ username: 'owner', password: 'a-long-first-password' })
          .expect(200)
      ).body as StaffLoginResponse
    ).token;
    await t.http
      .get('/api/admin/staff')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    const log = (
      (
        await t.http
          .get('/api/admin/audit-logs')
          .set({ Authorization: `Bearer ${token}` })
          .expect(200)
      ).body as Page<AuditLogView>
    ).items;
    expect(log[0]).toMatchObject({ action: 'staff.create-first-admin', staffId: null, entityId: String(created.id) });
  });

  it('refuses once an admin exists, and refuses weak input', async () => {
    const dataSource = t.app.get(DataSource);
    await expect(
      createFirstAdmin(dataSource, { username: 'second', password: 'a-long-first-password' }),
    ).rejects.toThrow(/already exists/);
    await expect(createFirstAdmin(dataSource, { username: 'x', password: 'short' })).rejects.toThrow(/username/);
  });
});

describe('the last admin under concurrent demotion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '1000', RATE_LIMIT_SENSITIVE_PER_IP: '1000' } });
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const adminNamed = async (by: { Authorization: string }, username: string) => {
    const created = (
      await t.http
        .post('/api/admin/staff')
        .set(by)
        .send({ username, password: 'race-password', role: 'admin' })
        .expect(201)
    ).body as StaffSummary;
    const session = (
      await t.http.post('/api/admin/auth/login').send({ username, password: 'race-password' }).expect(200)
    ).body as StaffLoginResponse;
    return { id: created.id, auth: bearer(session.token) };
  };
  const activeAdmins = async (by: { Authorization: string }) =>
    ((await t.http.get('/api/admin/staff').set(by).expect(200)).body as StaffSummary[]).filter(
      (staff) => staff.role === 'admin' && staff.active,
    );

  it('two admins demoting each other at the same moment leave exactly one admin (20 trials)', async () => {
    const first = await t.staff('admin');
    let survivor = await adminNamed(first, 'race-admin-0');
    // Only `survivor` stays admin: every other admin is demoted before the trials.
    for (const other of await activeAdmins(survivor.auth))
      if (other.id !== survivor.id)
        await t.http.patch(`/api/admin/staff/${other.id}`).set(survivor.auth).send({ role: 'operator' }).expect(200);
    for (let trial = 1; trial <= 20; trial++) {
      const rival = await adminNamed(survivor.auth, `race-admin-${trial}`);
      const [mine, theirs] = await Promise.all([
        t.http.patch(`/api/admin/staff/${rival.id}`).set(survivor.auth).send({ role: 'operator' }),
        t.http.patch(`/api/admin/staff/${survivor.id}`).set(rival.auth).send({ role: 'operator' }),
      ]);
      expect([mine.status, theirs.status].filter((status) => status === 200)).toHaveLength(1);
      const next = mine.status === 200 ? survivor : rival;
      const left = await activeAdmins(next.auth);
      expect(left.map((staff) => staff.id)).toEqual([next.id]);
      survivor = next;
    }
  });
});
