import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { nextOrderActions, RefundFacts } from './order-actions';

const noMoney: RefundFacts = {
  holdsMoney: false,
  refundableFen: 0,
  rule: '',
  openRefund: false,
  pendingRequest: false,
};
const money: RefundFacts = { ...noMoney, holdsMoney: true, refundableFen: 5_000, rule: '实付 ¥50.00 = 可退 ¥50.00' };
const codes = (facts: Parameters<typeof nextOrderActions>[0]) =>
  Object.fromEntries(nextOrderActions(facts).map((a) => [a.action, a.blockedReason ?? null]));

describe('next allowed order actions', () => {
  it('a paid product order is shipped or refunded; without an address the shipment waits, saying why', () => {
    expect(codes({ kind: OrderKind.PRODUCT, status: OrderStatus.PAID, hasAddress: true, refund: money })).toEqual({
      SHIP: null,
      REFUND: null,
    });
    expect(codes({ kind: OrderKind.PRODUCT, status: OrderStatus.PAID, hasAddress: false, refund: money }).SHIP).toMatch(
      /收货地址/,
    );
  });

  it('a membership fee is never shipped', () => {
    expect(codes({ kind: OrderKind.MEMBERSHIP, status: OrderStatus.PAID, hasAddress: true, refund: money })).toEqual({
      REFUND: null,
    });
  });

  it('an unshipped gift is shipped or cancelled, never refunded', () => {
    expect(codes({ kind: OrderKind.GIFT, status: OrderStatus.PAID, hasAddress: true, refund: noMoney })).toEqual({
      SHIP: null,
      CANCEL_GIFT: null,
    });
  });

  it('a refund under way or waiting for approval blocks another, and nothing refundable says the rule', () => {
    const refunding = { ...noMoney, openRefund: true };
    expect(
      codes({ kind: OrderKind.PRODUCT, status: OrderStatus.REFUNDING, hasAddress: true, refund: refunding }),
    ).toEqual({
      REFUND: expect.stringMatching(/尚未结束/),
    });
    const pending = { ...money, pendingRequest: true };
    expect(codes({ kind: OrderKind.PRODUCT, status: OrderStatus.SHIPPED, hasAddress: true, refund: pending })).toEqual({
      REFUND: expect.stringMatching(/待审批/),
    });
    const usedUp = { ...money, refundableFen: 0, rule: '会费 ¥100.00 − 礼包价值 ¥150.00 = 可退 ¥0.00' };
    expect(
      codes({ kind: OrderKind.MEMBERSHIP, status: OrderStatus.PAID, hasAddress: false, refund: usedUp }).REFUND,
    ).toMatch(/礼包价值/);
  });

  it('unpaid, closed and refunded orders allow nothing', () => {
    for (const status of [OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED, OrderStatus.REFUNDED])
      expect(nextOrderActions({ kind: OrderKind.PRODUCT, status, hasAddress: true, refund: noMoney })).toEqual([]);
  });
});
