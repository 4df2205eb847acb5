import { CODE_ALPHABET, formatCode, normaliseCode } from '@member-commerce/shared';
import { isWellFormedCode, newMembershipCode } from './code-generator';

describe('membership code generator', () => {
  it('a code is 16 characters of the 32-letter alphabet: 80 random bits', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    const code = newMembershipCode();
    expect(code).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{16}$/);
    expect(isWellFormedCode(code)).toBe(true);
  });

  it('has no characters people misread (0/O, 1/I)', () => {
    for (const ambiguous of ['0', 'O', '1', 'I']) expect(CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('uses every bit of the random bytes it is given', () => {
    expect(newMembershipCode(() => Buffer.alloc(10, 0))).toBe('2'.repeat(16));
    expect(newMembershipCode(() => Buffer.alloc(10, 0xff))).toBe('Z'.repeat(16));
  });

  it('10,000 codes never repeat', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newMembershipCode()));
    expect(codes.size).toBe(10_000);
  });

  it('a code is shown in groups of four and read back whatever the separators and case', () => {
    const code = 'ABCDEFGHJKLMNPQR';
    expect(formatCode(code)).toBe('ABCD-EFGH-JKLM-NPQR');
    expect(normaliseCode(' abcd-efgh jklm_npqr ')).toBe(code);
    expect(isWellFormedCode('ABCD')).toBe(false);
    expect(isWellFormedCode('0BCDEFGHJKLMNPQR')).toBe(false);
  });
});
