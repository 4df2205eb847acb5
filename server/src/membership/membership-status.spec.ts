import { effectiveStatus } from './membership-status';

describe('effective membership status', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('is NONE for a customer who never held a term', () => {
    expect(effectiveStatus(null, now)).toBe('NONE');
  });

  it('is ACTIVE until the whole second the last term ends in', () => {
    expect(effectiveStatus({ status: 'ACTIVE', termEnd: new Date(now.getTime() + 1000) }, now)).toBe('ACTIVE');
    expect(effectiveStatus({ status: 'ACTIVE', termEnd: new Date(now.getTime() + 999) }, now)).toBe('EXPIRED');
    expect(effectiveStatus({ status: 'ACTIVE', termEnd: now }, now)).toBe('EXPIRED');
  });

  it('stays REVOKED whatever the dates say', () => {
    expect(effectiveStatus({ status: 'REVOKED', termEnd: new Date('2027-01-01T00:00:00Z') }, now)).toBe('REVOKED');
  });
});
