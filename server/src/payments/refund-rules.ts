import { Fen, formatFen, RefundQuote } from '@member-commerce/shared';

export interface MembershipRefundFacts {
  orderId: number;
  paidFen: Fen;
  alreadyRefundedFen: Fen;
  /** Declared value of gift packs claimed in the term the order bought. */
  giftValueUsedFen: Fen;
  /** What member prices saved on orders priced with that term. */
  memberSavingsUsedFen: Fen;
  /** Coupon discounts spent from that term's coupons. */
  couponValueUsedFen: Fen;
}

/**
 * A full refund only if no welcome gift was claimed and no member price was used; otherwise the
 * fee minus the value of benefits used, never negative. Already refunded money is subtracted too.
 */
export function quoteMembershipRefund(facts: MembershipRefundFacts): RefundQuote {
  const used = facts.giftValueUsedFen + facts.memberSavingsUsedFen + facts.couponValueUsedFen;
  const fullRefundAllowed = used === 0 && facts.alreadyRefundedFen === 0;
  const refundableFen = Math.max(0, facts.paidFen - used - facts.alreadyRefundedFen);
  const rule = fullRefundAllowed
    ? `未领取礼包、未使用会员价：可全额退款 ${formatFen(refundableFen)}`
    : used === 0
      ? `会费 ${formatFen(facts.paidFen)} − 已退 ${formatFen(facts.alreadyRefundedFen)} = 可退 ${formatFen(refundableFen)}`
      : `会费 ${formatFen(facts.paidFen)} − 礼包价值 ${formatFen(facts.giftValueUsedFen)} − 已享会员优惠 ${formatFen(facts.memberSavingsUsedFen)}` +
        (facts.couponValueUsedFen ? ` − 已用优惠券 ${formatFen(facts.couponValueUsedFen)}` : '') +
        (facts.alreadyRefundedFen ? ` − 已退 ${formatFen(facts.alreadyRefundedFen)}` : '') +
        ` = 可退 ${formatFen(refundableFen)}`;
  return { ...facts, refundableFen, fullRefundAllowed, rule };
}

/** Product (and other) orders: whatever was paid and not yet refunded. */
export function quoteOrderRefund(orderId: number, paidFen: Fen, alreadyRefundedFen: Fen): RefundQuote {
  const refundableFen = Math.max(0, paidFen - alreadyRefundedFen);
  return {
    orderId,
    paidFen,
    alreadyRefundedFen,
    giftValueUsedFen: 0,
    memberSavingsUsedFen: 0,
    couponValueUsedFen: 0,
    refundableFen,
    fullRefundAllowed: alreadyRefundedFen === 0,
    rule: `实付 ${formatFen(paidFen)}${alreadyRefundedFen ? ` − 已退 ${formatFen(alreadyRefundedFen)}` : ''} = 可退 ${formatFen(refundableFen)}`,
  };
}

/** A flagged payment (money WeChat took that we did not accept): all of it can go back, less what already did. */
export function quotePaymentRefund(orderId: number, paidFen: Fen, alreadyRefundedFen: Fen): RefundQuote {
  const quote = quoteOrderRefund(orderId, paidFen, alreadyRefundedFen);
  return { ...quote, rule: `异常支付（未计入订单）${quote.rule.replace(/^实付 /, ' ')}` };
}
