import { BenefitType } from '@member-commerce/shared';
import { memberWindowMs, priorityAccess, priorityWindowMs, visibleUntil } from './priority-access';

const HOUR = 3600 * 1000;
const now = new Date('2026-11-23T12:00:00.000Z');
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * HOUR);

describe('priority access', () => {
  it('a product without publicFrom, or past it, is visible to everyone and not flagged', () => {
    expect(priorityAccess(null, 0, now)).toEqual({ visible: true });
    expect(priorityAccess(at(0), 0, now)).toEqual({ visible: true });
    expect(priorityAccess(at(-1), 48 * HOUR, now)).toEqual({ visible: true });
  });

  it('before publicFrom a caller without a window (non-member, or a tier without PRIORITY_ACCESS) waits', () => {
    expect(priorityAccess(at(1), 0, now)).toEqual({ visible: false });
  });

  it('a member sees it early only within the benefit window, flagged with publicFrom', () => {
    expect(priorityAccess(at(48), 48 * HOUR, now)).toEqual({ visible: true, memberFirstUntil: at(48) });
    expect(priorityAccess(at(10), 48 * HOUR, now)).toEqual({ visible: true, memberFirstUntil: at(10) });
    expect(priorityAccess(at(49), 48 * HOUR, now)).toEqual({ visible: false });
  });

  it('the query bound agrees with the rule', () => {
    for (const [publicFromHours, windowHours] of [
      [47, 48],
      [48, 48],
      [49, 48],
      [1, 0],
      [-1, 0],
    ]) {
      const publicFrom = at(publicFromHours);
      expect(publicFrom <= visibleUntil(windowHours * HOUR, now)).toBe(
        priorityAccess(publicFrom, windowHours * HOUR, now).visible,
      );
    }
  });

  it('reads the window from the benefit config in hours or days; anything else grants none', () => {
    expect(priorityWindowMs({ hours: 48 })).toBe(48 * HOUR);
    expect(priorityWindowMs({ days: 2 })).toBe(48 * HOUR);
    for (const config of [
      null,
      undefined,
      {},
      { hours: 0 },
      { hours: -5 },
      { hours: '48' },
      { hours: Infinity },
      { days: 366 },
    ]) {
      expect(priorityWindowMs(config as Record<string, unknown> | null)).toBe(0);
    }
  });

  it('a term takes the widest window among its PRIORITY_ACCESS benefits and ignores other types', () => {
    expect(
      memberWindowMs([
        { type: BenefitType.PRIORITY_ACCESS, config: { hours: 24 } },
        { type: BenefitType.PRIORITY_ACCESS, config: { hours: 72 } },
        { type: BenefitType.COUPON, config: { hours: 500 } },
      ]),
    ).toBe(72 * HOUR);
    expect(memberWindowMs([{ type: BenefitType.MEMBER_PRICE, config: null }])).toBe(0);
    expect(memberWindowMs([])).toBe(0);
  });
});
