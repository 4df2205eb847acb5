import type { StaffLoginResponse, StaffRole } from '@member-commerce/shared';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { createFirstAdmin } from '../../src/staff/first-admin';
import { StaffUser } from '../../src/staff/staff-user.entity';

export interface StaffCredentials {
  username: string;
  password: string;
}

const passwordOf = (role: StaffRole) => `fixture-${role}-password`;

/** Logs a staff account in through `http`; the bearer header it answers. */
export async function staffLogin(
  http: ReturnType<typeof request>,
  { username, password }: StaffCredentials,
): Promise<{ Authorization: string }> {
  const res = await http.post('/api/admin/auth/login').send({ username, password }).expect(200);
  return { Authorization: `Bearer ${(res.body as StaffLoginResponse).token}` };
}

/**
 * A staff account of `role` (username = role) on an unseeded database, for specs that boot apps themselves (two
 * processes on one database): the first admin as `staff:create-admin` makes it, any other role created by that
 * admin through the API, as in production.
 */
export async function staffAccount(
  http: ReturnType<typeof request>,
  dataSource: DataSource,
  role: StaffRole,
): Promise<StaffCredentials> {
  const admin = { username: 'admin', password: passwordOf('admin') };
  if (!(await dataSource.manager.existsBy(StaffUser, { username: admin.username })))
    await createFirstAdmin(dataSource, admin);
  if (role === 'admin') return admin;
  const account = { username: role, password: passwordOf(role) };
  if (!(await dataSource.manager.existsBy(StaffUser, { username: role })))
    await http
      .post('/api/admin/staff')
      .set(await staffLogin(http, admin))
      .send({ ...account, role })
      .expect(201);
  return account;
}
