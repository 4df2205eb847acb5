import { randomBytes } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '@member-commerce/shared';

const BITS_PER_CHAR = 5; // 32 letters

/**
 * A new membership code: 16 characters of CODE_ALPHABET drawn from 80 random bits of the system's CSPRNG, so
 * guessing one is hopeless (and redemption is rate limited besides).
 */
export function newMembershipCode(random: (bytes: number) => Buffer = randomBytes): string {
  const bytes = random((CODE_LENGTH * BITS_PER_CHAR) / 8);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= BITS_PER_CHAR) {
      bits -= BITS_PER_CHAR;
      code += CODE_ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return code;
}

/** Whether `code` (normalised) could be a code at all, before the database is asked. */
export const isWellFormedCode = (code: string): boolean =>
  code.length === CODE_LENGTH && [...code].every((char) => CODE_ALPHABET.includes(char));
