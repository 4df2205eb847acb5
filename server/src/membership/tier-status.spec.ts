import { canTransitionTier } from './tier-status';

describe('tier status machine', () => {
  it('a draft tier can go on sale or be archived unsold', () => {
    expect(canTransitionTier('DRAFT', 'ACTIVE')).toBe(true);
    expect(canTransitionTier('DRAFT', 'ARCHIVED')).toBe(true);
  });

  it('a tier on sale can only be archived: it never goes back to draft', () => {
    expect(canTransitionTier('ACTIVE', 'ARCHIVED')).toBe(true);
    expect(canTransitionTier('ACTIVE', 'DRAFT')).toBe(false);
  });

  it('an archived tier is final (its members keep their terms)', () => {
    expect(canTransitionTier('ARCHIVED', 'ACTIVE')).toBe(false);
    expect(canTransitionTier('ARCHIVED', 'DRAFT')).toBe(false);
  });

  it('saving a tier without changing its status is allowed', () => {
    expect(canTransitionTier('ACTIVE', 'ACTIVE')).toBe(true);
  });
});
