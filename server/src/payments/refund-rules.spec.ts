import { quoteMembershipRefund, quoteOrderRefund } from './refund-rules';

const base = {
  orderId: 1,
  paidFen: 100_000,
  alreadyRefundedFen: 0,
  giftValueUsedFen: 0,
  memberSavingsUsedFen: 0,
  couponValueUsedFen: 0,
};

describe('membership refund rule', () => {
  it('refunds the whole fee when no gift was claimed and no member price used', () => {
    expect(quoteMembershipRefund(base)).toMatchObject({ refundableFen: 100_000, fullRefundAllowed: true });
  });

  it('counts coupons spent from the term as a benefit used', () => {
    const quote = quoteMembershipRefund({ ...base, couponValueUsedFen: 5_000 });
    expect(quote).toMatchObject({ refundableFen: 95_000, fullRefundAllowed: false });
    expect(quote.rule).toContain('已用优惠券 ¥50.00');
  });

  it('subtracts the declared gift value and member savings', () => {
    const quote = quoteMembershipRefund({ ...base, giftValueUsedFen: 30_000, memberSavingsUsedFen: 4_550 });
    expect(quote).toMatchObject({ refundableFen: 65_450, fullRefundAllowed: false });
    expect(quote.rule).toBe('会费 ¥1,000.00 − 礼包价值 ¥300.00 − 已享会员优惠 ¥45.50 = 可退 ¥654.50');
  });

  it('never goes below zero when benefits used exceed the fee', () => {
    expect(quoteMembershipRefund({ ...base, giftValueUsedFen: 150_000 }).refundableFen).toBe(0);
  });

  it('subtracts what was already refunded', () => {
    expect(quoteMembershipRefund({ ...base, alreadyRefundedFen: 20_000 }).refundableFen).toBe(80_000);
  });

  it('product orders refund what is left of the payment', () => {
    expect(quoteOrderRefund(1, 9_800, 1_000)).toMatchObject({ refundableFen: 8_800, fullRefundAllowed: false });
  });
});
