import { BenefitType } from '@member-commerce/shared';
import { countsTowardMilestones, offersWelcomeGift, trialBenefitIds } from './term-kinds';

describe('term kinds', () => {
  it('a trial term holds only member price and free shipping of its tier', () => {
    const benefits = Object.values(BenefitType).map((type, index) => ({ id: index + 1, type }));
    const kept = trialBenefitIds(benefits).map((id) => benefits[id - 1].type);
    expect(kept.sort()).toEqual([BenefitType.FREE_SHIPPING, BenefitType.MEMBER_PRICE]);
  });

  it('a welcome gift comes with a paid purchase or a redeemed code, never with a trial, grant or carry-over', () => {
    expect(offersWelcomeGift({ source: 'PURCHASE', orderId: 1 })).toBe(true);
    expect(offersWelcomeGift({ source: 'RENEWAL', orderId: 1 })).toBe(true);
    expect(offersWelcomeGift({ source: 'CODE', orderId: null })).toBe(true);
    expect(offersWelcomeGift({ source: 'PURCHASE', orderId: null })).toBe(false);
    expect(offersWelcomeGift({ source: 'TRIAL', orderId: null })).toBe(false);
    expect(offersWelcomeGift({ source: 'STAFF_GRANT', orderId: null })).toBe(false);
    expect(offersWelcomeGift({ source: 'CARRY_OVER', orderId: 1 })).toBe(false);
  });

  it('trial days count toward no spend milestone', () => {
    expect(countsTowardMilestones({ source: 'TRIAL' })).toBe(false);
    expect(countsTowardMilestones({ source: 'CODE' })).toBe(true);
  });
});
