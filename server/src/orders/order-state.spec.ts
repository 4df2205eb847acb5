import { canTransition, ORDER_TRANSITIONS } from './order-state';

describe('order state machine', () => {
  it('an unpaid order can be paid or closed', () => {
    expect(canTransition('PENDING_PAYMENT', 'PAID')).toBe(true);
    expect(canTransition('PENDING_PAYMENT', 'CLOSED')).toBe(true);
  });

  it('a closed order can still be paid by a late notification, nothing else', () => {
    expect(ORDER_TRANSITIONS.CLOSED).toEqual(['PAID']);
  });

  it('a refunded order is final', () => {
    expect(ORDER_TRANSITIONS.REFUNDED).toEqual([]);
  });

  it('an unpaid order cannot be shipped or refunded', () => {
    expect(canTransition('PENDING_PAYMENT', 'SHIPPED')).toBe(false);
    expect(canTransition('PENDING_PAYMENT', 'REFUNDED')).toBe(false);
  });

  it('a paid order may close (the gift cancel guard decides which kinds), a shipped one may not', () => {
    expect(canTransition('PAID', 'CLOSED')).toBe(true);
    expect(canTransition('SHIPPED', 'CLOSED')).toBe(false);
  });
});
