import { DataSource } from 'typeorm';
import { AuditLog } from './audit-log.entity';
import { PasswordHasher } from './password-hasher';
import { StaffUser } from './staff-user.entity';

export interface FirstAdminInput {
  username: string;
  password: string;
}

export class FirstAdminError extends Error {}

const USERNAME = /^[a-z0-9_.-]{3,64}$/;

/**
 * Creates the first admin of a database that has no admin yet (production seeds no staff). Refuses when an
 * admin exists: later accounts are made by an admin in the app, where they are audited under a name.
 */
export async function createFirstAdmin(dataSource: DataSource, input: FirstAdminInput): Promise<StaffUser> {
  if (!USERNAME.test(input.username)) throw new FirstAdminError('username must be 3–64 of a-z 0-9 _ . -');
  if (input.password.length < 12 || input.password.length > 128)
    throw new FirstAdminError('password must be 12–128 characters');
  const passwordHash = await new PasswordHasher().hash(input.password);
  return dataSource.transaction(async (manager) => {
    if (await manager.existsBy(StaffUser, { role: 'admin' }))
      throw new FirstAdminError('an admin account already exists; add staff from the admin app');
    if (await manager.existsBy(StaffUser, { username: input.username }))
      throw new FirstAdminError(`username ${input.username} is taken`);
    const user = await manager.save(
      manager.create(StaffUser, { username: input.username, passwordHash, role: 'admin', active: true }),
    );
    const log = manager.create(AuditLog, {
      staffId: null,
      staffUsername: null,
      action: 'staff.create-first-admin',
      entity: 'staff_user',
      entityId: String(user.id),
    });
    log.before = null;
    log.after = { id: user.id, username: user.username, role: user.role };
    await manager.save(log);
    return user;
  });
}
