import { JwtService } from '@nestjs/jwt';
import type { Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import type { Transactions } from '../database/transactions';
import type { AuditService } from './audit.service';
import { PasswordHasher } from './password-hasher';
import type { StaffUser } from './staff-user.entity';
import { StaffService } from './staff.service';

/** Response time must not tell which usernames exist: every failed login spends one argon2 verification. */
describe('staff login spends the same hashing work whether or not the account exists', () => {
  const hasher = new PasswordHasher();
  let realHash: string;
  beforeAll(async () => {
    realHash = await hasher.hash('right-password');
  });

  function serviceWith(user: Partial<StaffUser> | null) {
    const users = { findOneBy: jest.fn().mockResolvedValue(user) } as unknown as Repository<StaffUser>;
    const verify = jest.spyOn(hasher, 'verify');
    const service = new StaffService(
      users,
      hasher,
      new JwtService({ secret: 'unit-test-secret-unit-test-secret' }),
      {} as AuditService,
      {} as Transactions,
      { staffTokenTtlSeconds: 60 } as AppConfig,
    );
    return { service, verify };
  }
  afterEach(() => jest.restoreAllMocks());

  it('an unknown username is verified against a dummy hash, then refused like a wrong password', async () => {
    const { service, verify } = serviceWith(null);
    await expect(service.login('ghost', 'whatever')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0][0]).toMatch(/^\$argon2id\$/);
  });

  it('a disabled account spends the same work and gets the same answer', async () => {
    const { service, verify } = serviceWith({
      id: 1,
      username: 'gone',
      passwordHash: realHash,
      role: 'operator',
      active: false,
    });
    await expect(service.login('gone', 'right-password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0][0]).not.toBe(realHash);
  });

  it('a known username with a wrong password verifies its own hash', async () => {
    const { service, verify } = serviceWith({
      id: 1,
      username: 'known',
      passwordHash: realHash,
      role: 'operator',
      active: true,
    });
    await expect(service.login('known', 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(verify).toHaveBeenCalledWith(realHash, 'wrong');
  });

  it('the dummy hash has the same argon2 parameters as real ones', async () => {
    const { service, verify } = serviceWith(null);
    await service.login('ghost', 'x').catch(() => undefined);
    const params = (hash: string) => hash.split('$')[3];
    expect(params(verify.mock.calls[0][0])).toBe(params(realHash));
  });
});
