import { termStanding, TermStandingFacts } from './term-standing';

const term = (over: Partial<TermStandingFacts> = {}): TermStandingFacts => ({
  start: new Date('2026-01-01T00:00:00.000Z'),
  end: new Date('2026-02-01T00:00:00.700Z'),
  membershipRevoked: false,
  refundInProgress: false,
  ...over,
});

describe('termStanding', () => {
  it('a term is live from the second it starts until the second it ends', () => {
    expect(termStanding(term(), new Date('2025-12-31T23:59:59.999Z'))).toBe('NOT_STARTED');
    expect(
      termStanding(term({ start: new Date('2026-01-01T00:00:00.700Z') }), new Date('2026-01-01T00:00:00.000Z')),
    ).toBe('LIVE');
    expect(termStanding(term(), new Date('2026-01-01T00:00:00.000Z'))).toBe('LIVE');
    expect(termStanding(term(), new Date('2026-01-31T23:59:59.999Z'))).toBe('LIVE');
  });

  it('a time in the same whole second as the end is after it (WeChat times have whole seconds)', () => {
    expect(termStanding(term(), new Date('2026-02-01T00:00:00.000Z'))).toBe('ENDED');
    expect(termStanding(term(), new Date('2026-02-01T00:00:00.500Z'))).toBe('ENDED');
  });

  it('a revoked membership ends every term, a term-ending refund in progress suspends it', () => {
    expect(termStanding(term({ membershipRevoked: true }), new Date('2026-01-10T00:00:00Z'))).toBe('ENDED');
    expect(termStanding(term({ refundInProgress: true }), new Date('2026-01-10T00:00:00Z'))).toBe('SUSPENDED');
    expect(termStanding(term({ refundInProgress: true }), new Date('2026-03-10T00:00:00Z'))).toBe('ENDED');
  });
});
