import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id password hashes (OWASP minimums: 19 MiB, 2 iterations). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummy?: Promise<string>;

  /** Made at boot, so even the first unknown username costs one verification, not a hash and a verification. */
  onModuleInit(): void {
    this.dummy ??= this.hash(randomBytes(24).toString('base64'));
  }

  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same work as a real check and always fails: a login for an unknown or disabled account takes
   * as long as a wrong password, so response times do not tell which usernames exist.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash(randomBytes(24).toString('base64'));
    await this.verify(await this.dummy, password);
    return false;
  }
}
